using DrillRunner.Local.Demo;
using Spectre.Console;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The --scenario option's check, shared by `demo` and `local setup`.</summary>
internal static class ScenarioOption
{
    /// <param name="coverage">True for `drill demo`, which also runs the scenarios that are not one drill (consistency, coverage).</param>
    public static ValidationResult Validate(string scenario, bool coverage = false) =>
        DemoScenario.Find(scenario) is null && !(coverage && DemoScenario.DemoOnly.Contains(scenario))
            ? ValidationResult.Error($"--scenario '{scenario}' is not a scenario. Use one of: {(coverage ? DemoScenario.DemoNames : string.Join(", ", DemoScenario.All.Select(s => s.Name)))}.")
            : ValidationResult.Success();
}
