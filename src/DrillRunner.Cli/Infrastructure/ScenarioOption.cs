using DrillRunner.Local.Demo;
using Spectre.Console;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The --scenario option's check, shared by `demo` and `local setup`.</summary>
internal static class ScenarioOption
{
    /// <param name="coverage">True for `drill demo`, which also runs the scenarios that are not one drill (consistency, coverage, stack-deleted).</param>
    public static ValidationResult Validate(string scenario, bool coverage = false) =>
        DemoScenario.Find(scenario) is not null || (coverage && DemoScenario.DemoOnly.Contains(scenario))
            ? ValidationResult.Success()
            : DemoScenario.DemoOnly.Contains(scenario)
                ? ValidationResult.Error($"--scenario '{scenario}' is a demo of its own, not one drill of the demo plan that this command can seed: run `drill demo --scenario {scenario}`, or use one of: {string.Join(", ", DemoScenario.All.Select(s => s.Name))}.")
                : ValidationResult.Error($"--scenario '{scenario}' is not a scenario. Use one of: {(coverage ? DemoScenario.DemoNames : string.Join(", ", DemoScenario.All.Select(s => s.Name)))}.");
}
