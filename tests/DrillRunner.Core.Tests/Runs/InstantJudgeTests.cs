using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Runs;

/// <summary>Skew beyond the plan's limit and proven older points, as the verdict reads them.</summary>
public sealed class InstantJudgeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T = T0.AddMinutes(-5);

    [Fact]
    public void ATargetRestoredBeyondMaxSkew_FailsTheObjectives_NamingItAndItsSkew()
    {
        var run = Run() with { Instant = new CommonInstant(T, PointSelect.Latest, T0.AddDays(-1), T, 1), MaxSkewSeconds = 60 };

        var judgement = RunJudge.Judge(run, [Verified("orders", T), Verified("ledger", T.AddHours(-2))]);

        Assert.Equal(Verdict.FailObjective, judgement.Verdict);
        Assert.Contains("target 'ledger' was restored to 2026-11-27 00:55:00Z, 120 min before the common instant 2026-11-27 02:55:00Z (maxSkewSeconds 60)", judgement.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("'orders'", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SkewWithinTheLimit_Passes_AndThePassSaysTheInstantAndTheLargestSkew()
    {
        var run = Run() with { Instant = new CommonInstant(T, PointSelect.Latest, T0.AddDays(-1), T, 1), MaxSkewSeconds = 60 };

        var judgement = RunJudge.Judge(run, [Verified("orders", T), Verified("ledger", T.AddSeconds(-42))]);

        Assert.Equal(Verdict.Pass, judgement.Verdict);
        Assert.Contains("restored to 2026-11-27 02:55:00Z as one instant (skew ≤ 42 s)", judgement.Reason, StringComparison.Ordinal);
        Assert.Equal(5 * 60 + 42, judgement.RpoSeconds);
    }

    [Fact]
    public void AnOlderPointProvenOnPurpose_HasItsAgeAsRpo_NotJudgedAgainstTheObjective()
    {
        var old = Verified("orders", T0.AddDays(-20)) is var target ? target with { RecoveryPoint = target.RecoveryPoint! with { Select = PointSelect.Oldest } } : null;

        var judgement = RunJudge.Judge(Run(), [old!]);

        Assert.Equal(Verdict.Pass, judgement.Verdict);
        Assert.Equal(20 * 86400, judgement.RpoSeconds);
        Assert.Contains("not judged against the objective 15 min", judgement.Reason, StringComparison.Ordinal);
        Assert.Contains("recoveryPoint \"oldest\"", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNewestPoint_IsStillJudgedAgainstTheRpoObjective()
    {
        var judgement = RunJudge.Judge(Run(), [Verified("orders", T0.AddDays(-20))]);

        Assert.Equal(Verdict.FailObjective, judgement.Verdict);
        Assert.Contains("breached the objective", judgement.Reason, StringComparison.Ordinal);
    }

    private static DrillRun Run() =>
        new("r", "prod", 1, "{}", "schedule", T0) { HealthyAt = T0.AddMinutes(10), RtoObjectiveMinutes = 60, RpoObjectiveMinutes = 15 };

    private static TargetRun Verified(string id, DateTimeOffset rp) =>
        new("r", id, id + "-prod") { Stage = TargetStage.Verified, RecoveryPoint = new RecoveryPoint(RecoveryPoint.Pitr, null, rp), VerifiedAt = T0.AddMinutes(1) };
}
