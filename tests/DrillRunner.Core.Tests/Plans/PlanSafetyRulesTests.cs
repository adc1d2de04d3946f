using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>Safety rule 6: no empty or ambiguous prefix, no scratch name that could be a source's.</summary>
public sealed class PlanSafetyRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("drill")]
    [InlineData("orders")]
    [InlineData("x-")]
    public void Read_EmptyOrAmbiguousScratchPrefix_IsRefused(string prefix)
    {
        var result = PlanReader.Read(PlanSamples.With("\"scratchPrefix\": \"drill-\"", $"\"scratchPrefix\": \"{prefix}\""));

        Assert.Contains(result.Problems, p => p.Path == "$.scratchPrefix");
    }

    [Fact]
    public void Read_SourceTableStartingWithScratchPrefix_IsRefused()
    {
        var result = PlanReader.Read(PlanSamples.With("\"tableName\": \"orders-prod\"", "\"tableName\": \"drill-orders\""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.targets[0].tableName", problem.Path);
        Assert.Contains("scratch prefix", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameTableTwice_IsRefusedAsAmbiguous()
    {
        var json = PlanSamples.With(
            "\"targets\": [",
            "\"targets\": [ { \"id\": \"orders2\", \"type\": \"dynamodb\", \"tableName\": \"orders-prod\" },");

        var result = PlanReader.Read(json);

        Assert.Contains(result.Problems, p => p.Path == "$.targets[1].tableName" && p.Message.Contains("also drilled", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NoTargets_IsRefused()
    {
        var json = """
            { "name": "p", "objectives": { "rtoMinutes": 1, "rpoMinutes": 1 }, "scratchPrefix": "drill-", "targets": [] }
            """;

        Assert.Contains(PlanReader.Read(json).Problems, p => p.Path == "$.targets");
    }

    [Fact]
    public void Read_ScratchNameOverDynamoDbLimit_IsRefused()
    {
        var longName = new string('t', 240);

        var result = PlanReader.Read(PlanSamples.With("\"tableName\": \"orders-prod\"", $"\"tableName\": \"{longName}\""));

        Assert.Contains(result.Problems, p => p.Path == "$.targets[0].tableName" && p.Message.Contains("255", StringComparison.Ordinal));
    }
}
