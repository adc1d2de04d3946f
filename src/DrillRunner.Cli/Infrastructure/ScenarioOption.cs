using DrillRunner.Local.Demo;
using Spectre.Console;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The --scenario option's check, shared by `demo` and `local setup`.</summary>
internal static class ScenarioOption
{
    public static ValidationResult Validate(string scenario) =>
        DemoScenario.Find(scenario) is null
            ? ValidationResult.Error($"--scenario '{scenario}' is not a scenario. Use one of: {string.Join(", ", DemoScenario.All.Select(s => s.Name))}.")
            : ValidationResult.Success();
}
