using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

public sealed class SelectionReaderTests
{
    [Fact]
    public void Read_DynamoDbRule_BindsTagsPatternAndTheTargetDefaults()
    {
        var plan = PlanReader.Read(SelectionPlans.With("""{ "id": "shop", "type": "dynamodb", "tags": [ { "key": "app", "equals": "shop" }, { "key": "env", "notEquals": "dev" } ], "namePattern": "shop-*", "restoreFrom": "pitr", "verification": { "sampleSize": 7 } }""")).PlanOrThrow();

        var rule = Assert.Single(plan.Selection);
        Assert.Equal(RestoreKinds.DynamoDbTable, rule.Kind);
        Assert.Equal([new TagCondition("app", "shop", false), new TagCondition("env", "dev", true)], rule.Tags);
        Assert.Equal("shop-*", rule.NamePattern!.Pattern);
        Assert.Contains("\"restoreFrom\":\"pitr\"", rule.DefaultsJson, StringComparison.Ordinal);
        Assert.DoesNotContain("namePattern", rule.DefaultsJson, StringComparison.Ordinal);
        Assert.Empty(plan.Targets);
    }

    [Fact]
    public void Read_AwsBackupBucketRule_ReadsTheBucketVerification()
    {
        var result = PlanReader.Read(SelectionPlans.With("""{ "id": "buckets", "type": "aws-backup", "resourceType": "S3", "namePattern": "shop-*", "backupVaultName": "main", "verification": { "minObjectCount": 1 } }"""));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(RestoreKinds.S3Bucket, Assert.Single(result.Plan!.Selection).Kind);
    }

    [Theory]
    [InlineData("""{ "id": "x", "type": "dynamodb", "namePattern": "shop-*", "verification": { "minObjectCount": 1 } }""", "$.select[0].verification.minObjectCount", "not a known field")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "namePattern": "shop-*", "tableName": "orders" }""", "$.select[0].tableName", "not a known field")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "namePattern": "shop-[a-z]+" }""", "$.select[0].namePattern", "not a regular expression")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "namePattern": "^shop.*$" }""", "$.select[0].namePattern", "glob")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "tags": [ { "key": "", "equals": "shop" } ] }""", "$.select[0].tags[0].key", "non-empty")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "tags": [ { "key": "app\u0000", "equals": "shop" } ] }""", "$.select[0].tags[0].key", "character")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "tags": [ { "key": "app", "equals": "shop", "notEquals": "dev" } ] }""", "$.select[0].tags[0]", "both")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "tags": [ { "key": "app" } ] }""", "$.select[0].tags[0]", "neither")]
    [InlineData("""{ "id": "x", "type": "dynamodb" }""", "$.select[0]", "every resource")]
    [InlineData("""{ "id": "x", "type": "aws-backup", "resourceType": "RDS", "namePattern": "db-*" }""", "$.select[0].resourceType", "cannot be selected")]
    [InlineData("""{ "id": "x", "type": "aws-backup", "resourceType": "Lambda", "namePattern": "db-*" }""", "$.select[0].resourceType", "not an AWS Backup resource type")]
    [InlineData("""{ "id": "x", "type": "aws-backup", "namePattern": "db-*" }""", "$.select[0].resourceType", "required")]
    [InlineData("""{ "id": "x y", "type": "dynamodb", "namePattern": "a*" }""", "$.select[0].id", "letters, digits")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "namePattern": "drill-*" }""", "$.select[0].namePattern", "scratch prefix")]
    [InlineData("""{ "id": "x", "type": "dynamodb", "namePattern": "a*" }, { "id": "x", "type": "dynamodb", "namePattern": "b*" }""", "$.select[1].id", "also the id")]
    public void Read_BadRule_IsRefusedAtItsPathWithAFix(string rules, string path, string words)
    {
        var problems = PlanReader.Read(SelectionPlans.With(rules)).Problems;

        var problem = Assert.Single(problems, p => p.Path == path);
        Assert.Contains(words, problem.Message + problem.Fix, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(problem.Fix);
    }

    [Fact]
    public void Read_HugeTagValueAndPattern_AreRefusedWithTheirLimits()
    {
        var huge = new string('a', 5000);
        var problems = PlanReader.Read(SelectionPlans.With($$"""{ "id": "x", "type": "dynamodb", "namePattern": "{{huge}}", "tags": [ { "key": "app", "equals": "{{huge}}" } ] }""")).Problems;

        Assert.Contains(problems, p => p.Path == "$.select[0].namePattern" && p.Message.Contains("255", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.select[0].tags[0].equals" && p.Message.Contains("256", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.True(p.Message.Length <= PlanProblem.MaxTextLength + 40));
    }

    [Fact]
    public void Read_EmptyTagValue_IsAValueAwsAllows()
    {
        var result = PlanReader.Read(SelectionPlans.With("""{ "id": "x", "type": "dynamodb", "tags": [ { "key": "app", "equals": "" } ] }"""));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Read_NoTargetsAndNoRules_IsStillADrillOfNothing()
    {
        var problems = PlanReader.Read(SelectionPlans.With(string.Empty)).Problems;

        Assert.Contains(problems, p => p.Path == "$.targets" && p.Message.Contains("nothing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("shop-*", "shop-orders", true)]
    [InlineData("shop-*", "shopping", false)]
    [InlineData("shop-?", "shop-1", true)]
    [InlineData("shop-?", "shop-12", false)]
    [InlineData("*.prod", "orders.prod", true)]
    [InlineData("*.prod", "ordersXprod", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("orders", "orders", true)]
    [InlineData("orders", "orders-2", false)]
    public void NameGlob_MatchesStarAndQuestionMarkOnly(string pattern, string name, bool matches)
    {
        Assert.Equal(matches, new NameGlob(pattern).Matches(name));
    }
}
