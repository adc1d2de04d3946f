using System.Text.RegularExpressions;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Processes;

namespace DrillFunctions.Tests;

/// <summary>What template.yaml grants for AWS Backup targets: every call allowed to its caller, deletes only of scratch, the restore role only to AWS Backup.</summary>
public sealed partial class BackupTemplateTests
{
    private const string ScratchDbArn = "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:${ScratchPrefix}*";
    private const string ScratchClusterArn = "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster:${ScratchPrefix}*";
    private readonly Dictionary<object, object> _template = TemplateDocument.Load();

    [Fact]
    public void EveryAwsSdkActionTheAslCalls_IsAllowedToTheStateMachine_WithTheTaggingItNeeds()
    {
        var machine = TemplateDocument.StateMachine(_template, "RestoreDrillStateMachine");
        var allowed = TemplateDocument.Grants(machine).SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);
        var called = SdkActions(AslDocument.Load()).ToList();

        Assert.True(called.Count >= 14);
        Assert.All(called, action => Assert.True(allowed.Contains(action), $"the state machine calls {action} but may not"));

        // TagResources also needs each service's own tagging permission on the restored resource.
        Assert.Subset(allowed, new HashSet<string> { "rds:AddTagsToResource", "ec2:CreateTags", "elasticfilesystem:TagResource", "s3:PutBucketTagging", "dynamodb:TagResource" });
    }

    [Fact]
    public void StateMachine_DeletesOnlyScratchNamedOrScratchTaggedResources()
    {
        var machine = TemplateDocument.StateMachine(_template, "RestoreDrillStateMachine");

        foreach (var statement in TemplateDocument.Grants(machine).Where(s => s.Actions.Any(a => a.Contains(":Delete", StringComparison.Ordinal))))
        {
            if (statement.Actions.Any(a => a.StartsWith("rds:", StringComparison.Ordinal)))
            {
                Assert.True(statement.Resources.All(r => r is ScratchDbArn or ScratchClusterArn), string.Join(", ", statement.Resources));
                continue;
            }

            // Volumes and file systems have AWS-assigned ids: only their tags say they are scratch.
            Assert.All(statement.Actions, a => Assert.Contains(a, new[] { "ec2:DeleteVolume", "elasticfilesystem:DeleteFileSystem" }));
            Assert.Equal("${ScratchPrefix}*", statement.ConditionValue("StringLike", "aws:ResourceTag/Name"));
            Assert.Equal("false", statement.ConditionValue("Null", "aws:ResourceTag/drill:run-id"));
        }

        Assert.Contains(TemplateDocument.Grants(machine), s => s.Actions.Contains("ec2:DeleteVolume"));
        Assert.Contains(TemplateDocument.Grants(machine), s => s.Actions.Contains("rds:DeleteDBCluster"));
    }

    [Fact]
    public void BackupRestoreRole_TrustsOnlyAwsBackup_AndOnlyAwsBackupMayBeHandedIt()
    {
        var role = TemplateDocument.Map(TemplateDocument.Resources(_template)["BackupRestoreRole"]);
        var trust = TemplateDocument.Map(TemplateDocument.Map(role["Properties"])["AssumeRolePolicyDocument"]);
        var principal = TemplateDocument.Map(TemplateDocument.Map(TemplateDocument.List(trust["Statement"]).Single())["Principal"]);
        var machine = TemplateDocument.StateMachine(_template, "RestoreDrillStateMachine");
        var passRole = Assert.Single(TemplateDocument.Grants(machine), s => s.Actions.Contains("iam:PassRole"));

        Assert.Equal("backup.amazonaws.com", principal["Service"]);
        Assert.Equal(["GetAtt:BackupRestoreRole.Arn"], passRole.Resources);
        Assert.Equal("backup.amazonaws.com", passRole.ConditionValue("StringEquals", "iam:PassedToService"));
        Assert.Equal("BackupRestoreRole", TemplateDocument.List(TemplateDocument.Map(TemplateDocument.Map(machine["DefinitionSubstitutions"])["BackupRestoreRoleArn"])["Fn::GetAtt"])[0]);
    }

    [Fact]
    public void FunctionsThatTouchBuckets_MayCallWhatTheS3AdapterCalls()
    {
        // AWSSDK.S3 call -> IAM action (ListObjectsV2 is s3:ListBucket, HEAD object is s3:GetObject, DeleteObjects is s3:DeleteObject per object).
        var iamOf = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ListObjectsV2Async"] = "s3:ListBucket", ["GetObjectMetadataAsync"] = "s3:GetObject", ["GetBucketTaggingAsync"] = "s3:GetBucketTagging",
            ["ListVersionsAsync"] = "s3:ListBucketVersions", ["DeleteObjectsAsync"] = "s3:DeleteObject", ["DeleteBucketAsync"] = "s3:DeleteBucket", ["ListBucketsAsync"] = "s3:ListAllMyBuckets",
        };
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "DrillRunner.Aws", "S3", "S3Buckets.cs"));
        Assert.Equal(iamOf.Keys.Order(), S3Call().Matches(source).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value + "Async").Distinct().Order());

        var needs = new Dictionary<string, string[]>
        {
            ["VerifyTargetFunction"] = ["s3:ListBucket", "s3:GetObject"],
            ["TeardownFunction"] = ["s3:GetBucketTagging", "s3:ListBucketVersions", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket"],
            ["JanitorFunction"] = ["s3:ListAllMyBuckets", "s3:GetBucketTagging", "s3:ListBucketVersions", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket"],
        };
        foreach (var (function, actions) in needs)
        {
            var (_, properties) = Assert.Single(TemplateDocument.OfType(_template, "AWS::Serverless::Function"), f => f.Name == function);
            Assert.Subset(TemplateDocument.Grants(properties).SelectMany(s => s.Actions).ToHashSet(), actions.ToHashSet());
        }
    }

    [Fact]
    public void JanitorStateMachine_MayCallWhatItsAslCalls_AndDeletesOnlyAsTheDrillDoes()
    {
        var janitor = TemplateDocument.StateMachine(_template, "ScratchJanitorStateMachine");
        var drill = TemplateDocument.StateMachine(_template, "RestoreDrillStateMachine");
        var allowed = TemplateDocument.Grants(janitor).SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);
        var called = SdkActions(AslDocument.LoadJanitor()).ToList();

        Assert.NotEmpty(called);
        Assert.All(called, action => Assert.True(allowed.Contains(action), $"the janitor calls {action} but may not"));
        var deleteStatements = TemplateDocument.Grants(janitor).Where(s => s.Actions.Any(a => a.Contains(":Delete", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, deleteStatements.Count);
        foreach (var statement in deleteStatements)
        {
            Assert.Contains(TemplateDocument.Grants(drill), d => d.Actions.SequenceEqual(statement.Actions) && d.Resources.SequenceEqual(statement.Resources) && d.ConditionValue("StringLike", "aws:ResourceTag/Name") == statement.ConditionValue("StringLike", "aws:ResourceTag/Name"));
        }

        var invoke = TemplateDocument.List(janitor["Policies"]).Cast<Dictionary<object, object>>().Single(p => p.ContainsKey("LambdaInvokePolicy"));
        Assert.Equal("JanitorFunction", TemplateDocument.Map(TemplateDocument.Map(invoke["LambdaInvokePolicy"])["FunctionName"])["Ref"]);
    }

    private static IEnumerable<string> SdkActions(System.Text.Json.Nodes.JsonObject machine) =>
        AslDocument.States(machine)
            .Select(s => s.State["Resource"]?.GetValue<string>())
            .OfType<string>()
            .Where(r => r.StartsWith("arn:aws:states:::aws-sdk:", StringComparison.Ordinal))
            .Select(r => r["arn:aws:states:::aws-sdk:".Length..].Split(':'))
            .Select(p => (Model: ApiModel.For(p[0]), Action: p[1]))
            .Select(c => $"{c.Model.IamPrefix}:{c.Model.Operation(c.Action)}")
            .Distinct();

    // A paginator makes the same calls as the method it is named after (Paginators.ListVersions: ListVersionsAsync).
    [GeneratedRegex(@"s3\.(?:(\w+Async)|Paginators\.(\w+))\(")]
    private static partial Regex S3Call();
}
