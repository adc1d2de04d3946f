using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

internal static class ScenarioRun
{
    /// <param name="time">The drill's clock; the slow-restore scenario runs on a scaled one.</param>
    public static Task<DemoOutcome> RunAsync(string scenario, TimeProvider? time = null) =>
        DemoDrill.RunAsync(DemoScenario.Find(scenario)!, time ?? TimeProvider.System, _ => { }, null, CancellationToken.None);

    /// <summary>Teardown ran, deleted every scratch table the run created, and DynamoDB lists none.</summary>
    public static void AssertTornDown(DemoOutcome outcome)
    {
        Assert.Equal("Teardown", outcome.FunctionsInvoked.Last());
        Assert.Equal(RunStatus.TornDown, outcome.Run.Status);
        Assert.All(outcome.Targets.Where(t => t.Scratch is not null), t => Assert.True(t.Scratch!.TornDown, $"{t.TargetId}: {t.Scratch.TeardownNote}"));
        Assert.Empty(outcome.ScratchTablesLeft);
        Assert.False(outcome.Run.HoldsPlanLock);
        Assert.Empty(outcome.SourceWrites);
    }
}
