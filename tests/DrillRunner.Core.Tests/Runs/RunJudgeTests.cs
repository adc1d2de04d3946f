using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Runs;

/// <summary>DESIGN.md's numbers: RPO = max(T0 − RP), RTO = T_healthy − T0, and the verdict rules.</summary>
public sealed class RunJudgeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Judge_AllVerifiedWithinObjectives_PassesWithExactNumbers()
    {
        var run = Run(healthyAt: T0.AddMinutes(42));
        var targets = new[]
        {
            Verified("orders", rp: T0.AddMinutes(-5)),
            Verified("customers", rp: T0.AddMinutes(-11)),
        };

        var judgement = RunJudge.Judge(run, targets);

        Assert.Equal(Verdict.Pass, judgement.Verdict);
        Assert.Equal(42 * 60, judgement.RtoSeconds);
        Assert.Equal(11 * 60, judgement.RpoSeconds);
    }

    [Fact]
    public void Judge_RtoOverObjective_FailsObjectiveAndSaysWhich()
    {
        var judgement = RunJudge.Judge(Run(healthyAt: T0.AddMinutes(61)), [Verified("orders", T0.AddMinutes(-5))]);

        Assert.Equal(Verdict.FailObjective, judgement.Verdict);
        Assert.Contains("RTO 61 min", judgement.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("RPO", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RpoOverObjective_FailsObjective()
    {
        var judgement = RunJudge.Judge(Run(healthyAt: T0.AddMinutes(10)), [Verified("orders", T0.AddMinutes(-16))]);

        Assert.Equal(Verdict.FailObjective, judgement.Verdict);
        Assert.Contains("RPO 16 min", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_TargetWithoutRecoveryPoint_FailsAndHasNoRpo()
    {
        var missing = new TargetRun("r", "orders", "orders-prod")
        {
            Stage = TargetStage.Failed,
            Failure = new TargetFailure("RecoveryPointNotFound", "no recovery point for table 'orders-prod'", IsRunnerError: false),
        };

        var judgement = RunJudge.Judge(Run(healthyAt: null), [missing, Verified("customers", T0.AddMinutes(-1))]);

        Assert.Equal(Verdict.Fail, judgement.Verdict);
        Assert.Null(judgement.RpoSeconds);
        Assert.Contains("no recovery point", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_FailedHealthCheck_Fails()
    {
        var run = Run(healthyAt: null) with
        {
            HealthChecks = [new HealthCheckResult("api", "http://x", false, 503, "expected HTTP 200, got 503", T0.AddMinutes(3))],
        };

        var judgement = RunJudge.Judge(run, [Verified("orders", T0.AddMinutes(-1))]);

        Assert.Equal(Verdict.Fail, judgement.Verdict);
        Assert.Contains("health check 'api' failed: expected HTTP 200, got 503", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RunnerErrorOnATarget_IsErrorNotFail()
    {
        var broken = new TargetRun("r", "orders", "orders-prod")
        {
            Stage = TargetStage.Failed,
            Failure = new TargetFailure("NullReferenceException", "boom", IsRunnerError: true),
        };

        Assert.Equal(Verdict.Error, RunJudge.Judge(Run(null), [broken]).Verdict);
    }

    [Fact]
    public void Judge_TargetThatNeverFinished_IsErrorNotASilentSkip()
    {
        var stuck = new TargetRun("r", "orders", "orders-prod") { Stage = TargetStage.Restoring };

        var judgement = RunJudge.Judge(Run(T0.AddMinutes(1)), [stuck]);

        Assert.Equal(Verdict.Error, judgement.Verdict);
        Assert.Contains("orders", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RecoveryPointAfterT0_CountsAsNoDataLoss()
    {
        var judgement = RunJudge.Judge(Run(T0.AddMinutes(1)), [Verified("orders", T0.AddSeconds(2))]);

        Assert.Equal(0, judgement.RpoSeconds);
    }

    private static DrillRun Run(DateTimeOffset? healthyAt) =>
        new DrillRun("r", "prod", 1, "{}", "schedule", T0) { HealthyAt = healthyAt, RtoObjectiveMinutes = 60, RpoObjectiveMinutes = 15 };

    private static TargetRun Verified(string id, DateTimeOffset rp) =>
        new("r", id, id + "-prod") { Stage = TargetStage.Verified, RecoveryPoint = new RecoveryPoint(RecoveryPoint.Pitr, null, rp), VerifiedAt = T0.AddMinutes(1) };
}
