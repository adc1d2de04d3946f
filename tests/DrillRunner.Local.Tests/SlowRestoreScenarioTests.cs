using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>Its own class, so its deliberately slow restore runs beside the other scenarios.</summary>
public sealed class SlowRestoreScenarioTests
{
    /// <summary>
    /// The drill runs on a clock three times as fast as the wall's. The stand-in holds each restore for
    /// the scenario's RTO objective plus 5 s of that same clock (its delay is the clock's timer), and the
    /// run records its times from it too, so the breach holds by construction while the wait shrinks
    /// from 35 s to 12 s.
    /// </summary>
    private const double ClockScale = 3;

    [Fact]
    public async Task SlowRestore_EverythingWorksButRtoBreachesTheObjective()
    {
        var outcome = await ScenarioRun.RunAsync(DemoScenario.SlowRestore, new DrillRunner.Local.Scale.ScaledTimeProvider(ClockScale));

        Assert.Equal(Verdict.FailObjective, outcome.Run.Verdict);
        Assert.Contains("breached the objective", outcome.Run.VerdictReason, StringComparison.Ordinal);
        Assert.StartsWith("RTO", outcome.Run.VerdictReason, StringComparison.Ordinal);
        Assert.True(outcome.Run.RtoSeconds > DemoPlan.RtoMinutes * 60);
        Assert.All(outcome.Targets, t => Assert.Equal(TargetStage.Verified, t.Stage));

        // The breach is the restores': even the 500 customers' (copied in a moment) are ready only after the objective has passed.
        Assert.All(outcome.Targets, t => Assert.True(t.RestoreCompletedAt - outcome.Run.StartedAt > TimeSpan.FromMinutes(DemoPlan.RtoMinutes), $"{t.TargetId}: restore complete {t.RestoreCompletedAt - outcome.Run.StartedAt} after T0"));
        ScenarioRun.AssertTornDown(outcome);
    }
}
