using DrillRunner.Core.DataVerification;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Tests.DataVerification;

public sealed class VerificationRulesTests
{
    private static readonly DateTimeOffset RecoveryPoint = new(2026, 11, 27, 2, 55, 0, TimeSpan.Zero);

    [Fact]
    public void CountExpectation_ToleranceAgainstLiveSource_GivesBoundsAndReason()
    {
        var expectation = CountExpectation.From(Verification.Default with { TolerancePercentOfSource = 1 }, sourceCount: 20_000);

        Assert.Equal(19_800, expectation.Min);
        Assert.Equal(20_200, expectation.Max);
        Assert.Null(expectation.Judge(19_800));
        Assert.Equal("restored 15000 items, expected at least 19800 (live source has 20000, tolerance 1%)", expectation.Judge(15_000));
    }

    [Fact]
    public void CountExpectation_AbsoluteAndToleranceTogether_TakesTheTighterOfEach()
    {
        var expectation = CountExpectation.From(Verification.Default with { MinItemCount = 19_900, MaxItemCount = 30_000, TolerancePercentOfSource = 1 }, 20_000);

        Assert.Equal(19_900, expectation.Min);
        Assert.Equal(20_200, expectation.Max);
        Assert.NotNull(expectation.Judge(20_201));
    }

    [Fact]
    public void SampleComparison_ItemChangedAfterRecoveryPoint_IsSkippedNotAMismatch()
    {
        var pairs = new[]
        {
            Pair("a", restored: "1", source: "1", updatedAt: "2026-11-27T02:00:00Z"),
            Pair("b", restored: "1", source: "2", updatedAt: "2026-11-27T02:59:00Z"),
            Pair("c", restored: "1", source: "2", updatedAt: "2026-11-27T01:00:00Z"),
            new ItemPair("d", Item("1", "2026-11-27T01:00:00Z"), null),
        };

        var (compared, skipped, mismatches) = SampleComparison.Compare(pairs, "updatedAt", RecoveryPoint);

        Assert.Equal(2, compared);
        Assert.Equal(2, skipped);
        Assert.Equal(["c"], mismatches);
    }

    [Fact]
    public void SampleComparison_WithoutLastModifiedAttribute_ComparesEverythingStillInSource()
    {
        var (compared, _, mismatches) = SampleComparison.Compare([Pair("b", "1", "2", "2026-11-27T02:59:00Z")], null, RecoveryPoint);

        Assert.Equal(1, compared);
        Assert.Single(mismatches);
    }

    [Fact]
    public void SampleComparison_EpochSecondsTimestamps_AreUnderstood()
    {
        var after = (RecoveryPoint.ToUnixTimeSeconds() + 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pair = new ItemPair("e", ItemN("1", after), ItemN("2", after));

        Assert.Equal(1, SampleComparison.Compare([pair], "updatedAt", RecoveryPoint).Skipped);
    }

    private static ItemPair Pair(string key, string restored, string source, string updatedAt) =>
        new(key, Item(restored, updatedAt), Item(source, updatedAt));

    private static ItemSnapshot Item(string total, string updatedAt) =>
        new(new Dictionary<string, string> { ["total"] = "N:" + total, ["updatedAt"] = "S:" + updatedAt });

    private static ItemSnapshot ItemN(string total, string epoch) =>
        new(new Dictionary<string, string> { ["total"] = "N:" + total, ["updatedAt"] = "N:" + epoch });
}
