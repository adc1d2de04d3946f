using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>Its own class, so its deliberately slow restore runs beside the other scenarios.</summary>
public sealed class SlowRestoreScenarioTests
{
    [Fact]
    public async Task SlowRestore_EverythingWorksButRtoBreachesTheObjective()
    {
        var outcome = await ScenarioRun.RunAsync("slow-restore");

        Assert.Equal(Verdict.FailObjective, outcome.Run.Verdict);
        Assert.Contains("breached the objective", outcome.Run.VerdictReason, StringComparison.Ordinal);
        Assert.StartsWith("RTO", outcome.Run.VerdictReason, StringComparison.Ordinal);
        Assert.True(outcome.Run.RtoSeconds > DemoPlan.RtoMinutes * 60);
        Assert.All(outcome.Targets, t => Assert.Equal(TargetStage.Verified, t.Stage));
        ScenarioRun.AssertTornDown(outcome);
    }
}
