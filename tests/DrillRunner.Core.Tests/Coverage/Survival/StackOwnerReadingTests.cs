using System.Text.Json.Nodes;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;
using Xunit;

namespace DrillRunner.Core.Tests.Coverage.Survival;

public sealed class StackOwnerReadingTests
{
    private static readonly AuditScope Scope = AuditScope.FromExecutionArn("arn:aws:states:eu-west-1:111122223333:execution:coverage-audit:audit-1");
    private const string StackId = "arn:aws:cloudformation:eu-west-1:111122223333:stack/shop/1a2b";
    private static readonly JsonObject Stack = new() { ["StackName"] = "shop", ["StackId"] = StackId };

    private static JsonObject Resource(string logicalId, string type, string physicalId, string status = "CREATE_COMPLETE") =>
        new() { ["LogicalResourceId"] = logicalId, ["ResourceType"] = type, ["PhysicalResourceId"] = physicalId, ["ResourceStatus"] = status };

    private static JsonObject Page(params JsonObject[] resources) => new() { ["StackResourceSummaries"] = new JsonArray([.. resources]), ["NextToken"] = "more" };

    [Fact]
    public void AStacksResources_AreOwnedByIt_WithTheirTemplatePolicies_KeyedByTheArnsTheListingsUse()
    {
        var policies = EstateReader.Template(new JsonObject
        {
            ["TemplateBody"] = """{ "Resources": { "Orders": { "Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Retain" }, "Db": { "Type": "AWS::RDS::DBInstance" }, "Fn": { "Type": "AWS::Lambda::Function" } } }""",
        });
        Assert.Equal(["Db", "Orders"], policies.Resources.Keys.Order(StringComparer.Ordinal));

        var page = Page(
            Resource("Orders", "AWS::DynamoDB::Table", "shop-orders"),
            Resource("Db", "AWS::RDS::DBInstance", "Shop-DB"),
            Resource("Files", "AWS::EFS::FileSystem", "fs-0123"),
            Resource("Fn", "AWS::Lambda::Function", "shop-fn"),
            Resource("Old", "AWS::EC2::Volume", "vol-1", status: "DELETE_COMPLETE"));

        var seen = EstateReader.StackResources(page, Stack, policies, Scope).ToDictionary(o => o.Arn);

        Assert.Equal(3, seen.Count);
        var orders = seen[Scope.TableArn("shop-orders")].Owner!;
        Assert.Equal(("shop", StackId, "Orders", "AWS::DynamoDB::Table", "Retain"), (orders.StackName, orders.StackId, orders.LogicalId, orders.ResourceType, orders.DeletionPolicy));
        Assert.Null(orders.TemplateUnreadable);
        Assert.Null(seen["arn:aws:rds:eu-west-1:111122223333:db:shop-db"].Owner!.DeletionPolicy);
        Assert.True(seen.ContainsKey("arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123"));
        Assert.Equal("more", EstateReader.NextToken(EstateListing.StackResources, page));
    }

    [Theory]
    [InlineData("States.DataLimitExceeded", "256 KB")]
    [InlineData("CloudFormation.CloudFormationException", "GetTemplate failed: CloudFormation.CloudFormationException")]
    public void ATemplateThatCouldNotBeRead_LeavesTheOwnerKnown_AndSaysWhyItsPoliciesAreNot(string error, string why)
    {
        var policies = EstateReader.Template(new JsonObject { ["Error"] = error, ["Cause"] = "access denied" });

        var owner = Assert.Single(EstateReader.StackResources(Page(Resource("Orders", "AWS::DynamoDB::Table", "shop-orders")), Stack, policies, Scope)).Owner!;

        Assert.Equal("shop", owner.StackName);
        Assert.Null(owner.DeletionPolicy);
        Assert.Contains(why, owner.TemplateUnreadable, StringComparison.Ordinal);
    }

    [Fact]
    public void AResourceWhoseTagsNameAStack_NoListedStackOwns_HasAnOwnerFromTheTags_MarkedUnreadable_WithItsAmplifyApp()
    {
        var instance = new JsonObject
        {
            ["DBInstanceIdentifier"] = "ledger",
            ["DBInstanceArn"] = "arn:aws:rds:eu-west-1:111122223333:db:ledger",
            ["DeletionProtection"] = true,
            ["TagList"] = new JsonArray(
                new JsonObject { ["Key"] = StackOwner.StackNameTag, ["Value"] = "amplify-shop-main-123" },
                new JsonObject { ["Key"] = StackOwner.StackIdTag, ["Value"] = "arn:aws:cloudformation:eu-west-1:111122223333:stack/amplify-shop-main-123/9z" },
                new JsonObject { ["Key"] = StackOwner.LogicalIdTag, ["Value"] = "Ledger" },
                new JsonObject { ["Key"] = StackOwners.AmplifyAppIdTag, ["Value"] = "d1abc" },
                new JsonObject { ["Key"] = StackOwners.AmplifyBranchTag, ["Value"] = "main" }),
        };

        var seen = Assert.Single(EstateReader.Read(EstateListing.RdsInstances, new JsonObject { ["DBInstances"] = new JsonArray(instance) }, Scope));

        Assert.True(seen.DeletionProtection);
        Assert.Equal(new StackOwner("amplify-shop-main-123", "arn:aws:cloudformation:eu-west-1:111122223333:stack/amplify-shop-main-123/9z", "Ledger", "AWS::RDS::DBInstance"), seen.Owner! with { TemplateUnreadable = null, AmplifyApp = null, AmplifyEnvironment = null });
        Assert.Equal(StackOwners.NotAmongListedStacks, seen.Owner!.TemplateUnreadable);
        Assert.Equal(("d1abc", "main"), (seen.Owner.AmplifyApp, seen.Owner.AmplifyEnvironment));

        // When the stack is listed, its owner wins over the tag's, and keeps the Amplify app the tags named.
        var listed = EstateReader.StackResources(Page(Resource("Ledger", "AWS::RDS::DBInstance", "ledger")), Stack, EstateReader.Template(new JsonObject { ["TemplateBody"] = "Resources: {Ledger: {Type: AWS::RDS::DBInstance, DeletionPolicy: Snapshot}}" }), Scope);
        var merged = StackOwners.Merge([seen.Owner, .. listed.Select(o => o.Owner)])!;
        Assert.Equal(("shop", "Snapshot", null, "d1abc"), (merged.StackName, merged.DeletionPolicy, merged.TemplateUnreadable, merged.AmplifyApp));
        Assert.Equal(StackOwners.NotAmongListedStacks, StackOwners.Merge([seen.Owner])!.TemplateUnreadable);
    }

    [Fact]
    public void Gen1AmplifyTags_NameTheProjectAndEnvironment_AndAResourceWithoutStackTagsHasNoOwner()
    {
        Assert.Equal(("shop", "prod"), StackOwners.Amplify(new Dictionary<string, string> { [StackOwners.AmplifyGen1ApplicationTag] = "shop", [StackOwners.AmplifyGen1EnvironmentTag] = "prod" }));
        Assert.Equal((null, null), StackOwners.Amplify(new Dictionary<string, string> { ["team"] = "payments" }));
        Assert.Null(StackOwners.FromTags(new Dictionary<string, string> { [StackOwners.AmplifyAppIdTag] = "d1" }, "AWS::EC2::Volume"));
    }

    [Fact]
    public void ATablesDeletionProtection_IsReadFromDescribeTable_AndUnknownWhenTheTableCouldNotBeRead()
    {
        var page = new JsonObject
        {
            ["TableNames"] = new JsonArray("guarded", "open", "unsaid", "gone"),
            [EstateReader.PitrMember] = new JsonArray(
                new JsonObject { ["TableName"] = "guarded", [EstateReader.DeletionProtectionMember] = new JsonObject { ["Enabled"] = true } },
                new JsonObject { ["TableName"] = "open", [EstateReader.DeletionProtectionMember] = new JsonObject { ["Enabled"] = false } },
                new JsonObject { ["TableName"] = "unsaid" },
                new JsonObject { ["TableName"] = "gone", [EstateReader.PitrErrorMember] = "DynamoDb.ResourceNotFoundException" }),
        };

        var seen = EstateReader.Read(EstateListing.DynamoDbTables, page, Scope).ToDictionary(o => o.Name!, o => o.DeletionProtection);

        Assert.Equal(true, seen["guarded"]);
        Assert.Equal(false, seen["open"]);
        Assert.Null(seen["unsaid"]);
        Assert.Null(seen["gone"]);
    }

    [Fact]
    public void AStacksPage_GivesNoObservations_ButItsNextToken()
    {
        var page = new JsonObject { ["StackSummaries"] = new JsonArray(new JsonObject { ["StackName"] = "shop", ["StackId"] = StackId }), ["NextToken"] = "t2" };

        Assert.Empty(EstateReader.Read(EstateListing.CloudFormationStacks, page, Scope));
        Assert.Equal("t2", EstateReader.NextToken(EstateListing.CloudFormationStacks, page));
    }
}
