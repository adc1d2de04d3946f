using DrillRunner.Cli.Reports;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Reporting;
using static DrillRunner.Cli.Tests.Reports.SamplePlan;

namespace DrillRunner.Cli.Tests.Reports;

/// <summary>Every "At a glance" sentence, for each kind of plan the report tells apart.</summary>
public sealed class PlanSentenceTests
{
    private const string Failed = "The latest drill (2026-12-01 03:00 UTC) was FAIL: no recovery point for table 'orders-prod'.";
    private const string Passed = "The latest drill (2026-12-01 03:00 UTC) was PASS: recovered in 25 min (objective 60 min), losing at most 5 min of data (objective 15 min).";
    private static readonly DateTimeOffset Yesterday = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NeverDrilled_SaysNothingProvesItCanRecover() =>
        Assert.Equal("No drill in the window, and the plan has never passed one: nothing yet proves it can recover.", Sentence(Report(null, null)));

    [Fact]
    public void DrilledButNeverPassed_SaysSoInsteadOfCountingDays() =>
        Assert.Equal($"{Failed} The plan has never passed a drill: nothing yet proves it can recover.", Sentence(Report(Fail(Yesterday), null)));

    [Fact]
    public void PassedOnce_AndFine_GivesTheNumbersAgainstTheObjectives() =>
        Assert.Equal(Passed, Sentence(Report(Pass(Yesterday), Yesterday)));

    [Fact]
    public void PassedOnce_ThenFailed_NotYetStale_SaysWhenItLastPassed() =>
        Assert.Equal($"{Failed} The last PASS was 4 days ago (2026-11-28 12:00 UTC).", Sentence(Report(Fail(Yesterday), Now.AddDays(-4))));

    [Fact]
    public void OneDay_IsSingular() =>
        Assert.Equal($"{Failed} The last PASS was 1 day ago (2026-12-01 12:00 UTC).", Sentence(Report(Fail(Yesterday), Now.AddDays(-1))));

    [Fact]
    public void Stale_AfterFailures_SaysForHowLongItHasNotPassed() =>
        Assert.Equal($"{Failed} No PASS for 20 days (since 2026-11-12 12:00 UTC): the plan is stale.", Sentence(Report(Fail(Yesterday), Now.AddDays(-20))));

    [Fact]
    public void Stale_WhenTheLatestDrillIsAnOldPass_SaysHowOldItIs() =>
        Assert.Equal(
            "The latest drill (2026-11-22 12:00 UTC) was PASS: recovered in 25 min (objective 60 min), losing at most 5 min of data (objective 15 min). That was 10 days ago: with no PASS for more than 8 days, the plan is stale.",
            Sentence(Report(Pass(Now.AddDays(-10)), Now.AddDays(-10))));

    [Fact]
    public void Stale_WithNoDrillInTheWindow_SaysWhenItLastPassed() =>
        Assert.Equal("No drill in the window; the last PASS was 120 days ago (2026-08-04 12:00 UTC): the plan is stale.", Sentence(Report(null, Now.AddDays(-120))));

    [Fact]
    public void NoDrillInAShortWindow_ButARecentPass_IsNotCalledStale() =>
        Assert.Equal("No drill in the window; the last PASS was 3 days ago (2026-11-29 12:00 UTC).", Sentence(Report(null, Now.AddDays(-3))));

    [Fact]
    public void TargetsNeverVerified_AreNamedWithTheirKind() =>
        Assert.Equal(
            $"{Passed} Never verified in the window: RDS instance billing-db, DynamoDB table ledger-prod.",
            Sentence(Report(Pass(Yesterday), Yesterday, [new UnverifiedTarget("billing", "billing-db", ScratchKinds.RdsInstance), new UnverifiedTarget("ledger", "ledger-prod", ScratchKinds.DynamoDbTable)])));

    [Fact]
    public void ACommonInstantPass_SaysTheTargetsWereRestoredAsOne_WithTheLargestSkew() =>
        Assert.Equal(
            "The latest drill (2026-12-01 03:00 UTC) was PASS: recovered in 25 min (objective 60 min), every target restored to 02:55:00 as one (skew ≤ 1 s), losing at most 5 min of data (objective 15 min).",
            Sentence(Report(Pass(Yesterday) with { Instant = Yesterday.AddMinutes(-5), LargestSkewSeconds = 1 }, Yesterday)));

    [Fact]
    public void AnOlderPointProven_SaysItsAge_NotJudged() =>
        Assert.Equal(
            "The latest drill (2026-12-01 03:00 UTC) was PASS: recovered in 25 min (objective 60 min), proving a point 5 min old still restores (an older point on purpose: not judged against the RPO objective).",
            Sentence(Report(Pass(Yesterday) with { OlderPoint = true }, Yesterday)));

    [Fact]
    public void TheOldestBackupProven_IsShownPerTarget_OrSaidNotYet()
    {
        var proven = new TargetTimes("orders", "orders-prod", 3, 60, 10, 60, 10) { OldestProvenPoint = Now.AddDays(-20), OldestProvenOn = Yesterday };

        Assert.Equal("2026-11-12 12:00 UTC (proven 2026-12-01 03:00 UTC)", HtmlReport.OldestProven(proven));
        Assert.Equal("none yet", HtmlReport.OldestProven(proven with { OldestProvenPoint = null }));
    }

    private static string Sentence(PlanReport report) => PlanSentence.Of(report);
}
