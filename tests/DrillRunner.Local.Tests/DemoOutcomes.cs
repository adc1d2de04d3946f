using System.Collections.Concurrent;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>
/// One drill per demo scenario for the whole of <see cref="DemoScenarioTests"/>: a scenario's
/// outcome is the same whichever test reads it, and each demo drill seeds, restores and counts
/// 20,000 orders, so drilling healthy, restore-fails and data-loss twice cost CPU and proved nothing more.
/// </summary>
public sealed class DemoOutcomes
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DemoOutcome>>> _outcomes = new(StringComparer.Ordinal);

    public Task<DemoOutcome> Of(string scenario) =>
        _outcomes.GetOrAdd(scenario, s => new Lazy<Task<DemoOutcome>>(() => ScenarioRun.RunAsync(s))).Value;
}
