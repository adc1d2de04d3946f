using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

public sealed class PlanReaderTests
{
    [Fact]
    public void Read_ValidPlan_BindsEveryField()
    {
        var result = PlanReader.Read(PlanSamples.Valid);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var plan = result.Plan!;
        Assert.Equal("prod", plan.Name);
        Assert.Equal(60, plan.Objectives.RtoMinutes);
        Assert.Equal(15, plan.Objectives.RpoMinutes);
        var target = Assert.IsType<DynamoDbTarget>(Assert.Single(plan.Targets));
        Assert.Equal(RestoreSource.Auto, target.RestoreFrom);
        Assert.True(target.Restore.WithoutSecondaryIndexes);
        Assert.Equal("KMS", target.Restore.SseType);
        Assert.Equal(1, target.Verification.TolerancePercentOfSource);
        var sentinel = Assert.Single(target.Verification.SentinelKeys);
        Assert.Equal(new KeyValue("ORDER#1", false), sentinel["pk"]);
        Assert.Equal(new KeyValue("7", true), sentinel["sk"]);
        Assert.Equal("updatedAt", target.Verification.LastModifiedAttribute);
        Assert.Equal(200, Assert.Single(plan.HealthChecks).ExpectedStatus);
        Assert.Equal("arn:aws:sns:eu-west-1:123456789012:drills", plan.SnsTopicArn);
    }

    [Fact]
    public void Read_UnknownField_IsAnErrorNamingItsPathAndTheKnownFields()
    {
        var result = PlanReader.Read(PlanSamples.With("\"sampleSize\": 20", "\"sampelSize\": 20"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.targets[0].verification.sampelSize", problem.Path);
        Assert.Contains("not a known field", problem.Message, StringComparison.Ordinal);
        Assert.Contains("sampleSize", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOneWithItsPath()
    {
        var json = PlanSamples.With("\"rtoMinutes\": 60", "\"rtoMinutes\": -5")
            .Replace("\"restoreFrom\": \"auto\"", "\"restoreFrom\": \"snapshot\"", StringComparison.Ordinal)
            .Replace("\"expectedStatus\": 200", "\"expectedStatus\": \"200\"", StringComparison.Ordinal);

        var paths = PlanReader.Read(json).Problems.Select(p => p.Path).ToList();

        Assert.Equal(["$.objectives.rtoMinutes", "$.targets[0].restoreFrom", "$.healthChecks[0].expectedStatus"], paths);
    }

    [Theory]
    [InlineData("\"name\": \"prod\",", "", "$.name")]
    [InlineData("\"tableName\": \"orders-prod\"", "\"tableName\": \"x\"", "$.targets[0].tableName")]
    [InlineData("\"minItemCount\": 1000", "\"minItemCount\": 1000, \"maxItemCount\": 10", "$.targets[0].verification.minItemCount")]
    [InlineData("\"type\": \"dynamodb\"", "\"type\": \"rds\"", "$.targets[0].type")]
    [InlineData("\"billingMode\": \"PAY_PER_REQUEST\"", "\"billingMode\": \"PROVISIONED\"", "$.targets[0].restore.billingMode")]
    [InlineData("{{restored.orders}}", "{{restored.ordrs}}", "$.healthChecks[0].url")]
    [InlineData("\"snsTopicArn\": \"arn:aws:sns:eu-west-1:123456789012:drills\"", "\"snsTopicArn\": \"drills\"", "$.notifications.snsTopicArn")]
    public void Read_BadField_NamesTheFieldAndAFix(string find, string replace, string expectedPath)
    {
        var result = PlanReader.Read(PlanSamples.With(find, replace));

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems, p => p.Path == expectedPath);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
    }

    [Fact]
    public void Read_BrokenJson_SaysWhereAndDoesNotThrow()
    {
        var result = PlanReader.Read("{ \"name\": \"prod\", ");

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("$ (line", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MinimalTarget_GetsDocumentedDefaults()
    {
        var plan = PlanReader.Read("""
            { "name": "p", "objectives": { "rtoMinutes": 1, "rpoMinutes": 1 }, "scratchPrefix": "drill-",
              "targets": [ { "id": "t", "type": "dynamodb", "tableName": "tbl" } ] }
            """).PlanOrThrow();

        Assert.Equal(4, plan.MaxConcurrentRestores);
        Assert.Equal(120, plan.RestoreTimeoutMinutes);
        Assert.Equal(RestoreSource.Auto, plan.TableTarget(plan.Targets[0].Id).RestoreFrom);
        Assert.Equal(4, plan.TableTarget(plan.Targets[0].Id).Verification.ScanSegments);
        Assert.Empty(plan.HealthChecks);
    }

    [Fact]
    public void Read_FollowRedirects_IsOffUnlessThePlanSaysTrue()
    {
        Assert.False(Assert.Single(PlanReader.Read(PlanSamples.Valid).PlanOrThrow().HealthChecks).FollowRedirects);

        var plan = PlanReader.Read(PlanSamples.With("\"timeoutSeconds\": 10", "\"timeoutSeconds\": 10, \"followRedirects\": true")).PlanOrThrow();

        Assert.True(Assert.Single(plan.HealthChecks).FollowRedirects);
    }

    [Fact]
    public void Read_FollowRedirectsNotABoolean_NamesTheFieldAndTheHopLimit()
    {
        var problem = Assert.Single(PlanReader.Read(PlanSamples.With("\"timeoutSeconds\": 10", "\"timeoutSeconds\": 10, \"followRedirects\": \"yes\"")).Problems);

        Assert.Equal("$.healthChecks[0].followRedirects", problem.Path);
        Assert.Contains($"up to {HttpHealthCheck.MaxRedirects} redirects", problem.Fix, StringComparison.Ordinal);
    }
}
