using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.Tests.Safety;

/// <summary>Safety rule 3: all three conditions, or no delete.</summary>
public sealed class TeardownGuardTests
{
    private const string RunId = "20261127-030000-abcd";
    private static readonly ScratchResource Scratch = new($"drill-{RunId}-orders", "arn:aws:dynamodb:eu-west-1:1:table/x", CreatedByRun: true);
    private static readonly Dictionary<string, string> RunTag = new() { [TeardownGuard.RunIdTag] = RunId };

    [Fact]
    public void Check_RecordedTaggedAndPrefixed_Allows()
    {
        Assert.True(TeardownGuard.Check(Scratch, RunTag, RunId, "drill-").Allowed);
    }

    [Fact]
    public void Check_NotRecordedAsCreatedByRun_Refuses()
    {
        var decision = TeardownGuard.Check(Scratch with { CreatedByRun = false }, RunTag, RunId, "drill-");

        Assert.False(decision.Allowed);
        Assert.Contains("not recorded", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TagOfAnotherRun_Refuses()
    {
        var decision = TeardownGuard.Check(Scratch, new Dictionary<string, string> { [TeardownGuard.RunIdTag] = "other-run" }, RunId, "drill-");

        Assert.False(decision.Allowed);
        Assert.Contains("other-run", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoTags_Refuses()
    {
        Assert.False(TeardownGuard.Check(Scratch, new Dictionary<string, string>(), RunId, "drill-").Allowed);
    }

    [Theory]
    [InlineData("orders-prod")]
    [InlineData("Drill-20261127-030000-abcd-orders")]
    public void Check_NameWithoutScratchPrefix_Refuses(string name)
    {
        var decision = TeardownGuard.Check(Scratch with { Name = name }, RunTag, RunId, "drill-");

        Assert.False(decision.Allowed);
        Assert.Contains("prefix", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmptyPrefix_RefusesEvenIfNameMatchesTrivially()
    {
        Assert.False(TeardownGuard.Check(Scratch, RunTag, RunId, string.Empty).Allowed);
    }
}
