using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>
/// A key written twice in one object is ambiguous: System.Text.Json keeps the last value without a
/// word, so a reviewer who reads the first one approves a different plan from the one that runs.
/// </summary>
public sealed class DuplicateKeyTests
{
    [Theory]
    [InlineData("\"name\": \"prod\",", "\"name\": \"prod\", \"name\": \"staging\",", "$.name", "name")]
    [InlineData("\"tableName\": \"orders-prod\"", "\"tableName\": \"orders-prod\", \"tableName\": \"customers-prod\"", "$.targets[0].tableName", "tableName")]
    [InlineData("\"sampleSize\": 20", "\"sampleSize\": 20, \"sampleSize\": 0", "$.targets[0].verification.sampleSize", "sampleSize")]
    [InlineData("\"pk\": \"ORDER#1\"", "\"pk\": \"ORDER#1\", \"pk\": \"ORDER#2\"", "$.targets[0].verification.sentinelKeys[0].pk", "pk")]
    [InlineData("\"bodyContains\": \"ok\"", "\"bodyContains\": \"ok\", \"bodyC\\u006fntains\": \"ok\"", "$.healthChecks[0].bodyContains", "bodyContains")]
    public void Read_KeyWrittenTwice_IsAProblemNamingThePathAndTheKey(string find, string replace, string path, string key)
    {
        var result = PlanReader.Read(PlanSamples.With(find, replace));

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains($"\"{key}\" appears 2 times", problem.Message, StringComparison.Ordinal);
        Assert.Contains("keep one", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralDuplicates_ReportsEachOnceWithItsCount()
    {
        var json = PlanSamples.With("\"rtoMinutes\": 60", "\"rtoMinutes\": 60, \"rtoMinutes\": 30, \"rtoMinutes\": 10")
            .Replace("\"scratchPrefix\": \"drill-\",", "\"scratchPrefix\": \"drill-\", \"scratchPrefix\": \"drill-\",", StringComparison.Ordinal);

        var problems = PlanReader.Read(json).Problems;

        Assert.Equal(["$.objectives.rtoMinutes", "$.scratchPrefix"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains("appears 3 times", problems.Single(p => p.Path == "$.objectives.rtoMinutes").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameKeyInDifferentObjects_IsNotADuplicate()
    {
        Assert.True(PlanReader.Read(PlanSamples.Valid).IsValid);
        Assert.Contains("\"name\": \"prod\"", PlanSamples.Valid, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"api\"", PlanSamples.Valid, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeDuplicatedKey_KeepsTheReportSmall()
    {
        var key = new string('k', 1_000_000);
        var json = PlanSamples.With("\"name\": \"prod\",", $"\"name\": \"prod\", \"{key}\": 1, \"{key}\": 2,");

        var problems = PlanReader.Read(json).Problems;

        Assert.Contains(problems, p => p.Message.Contains("appears 2 times", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.True(p.ToString().Length < 2_000, $"{p.ToString().Length} characters"));
    }
}
