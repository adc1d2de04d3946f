using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Local;
using DrillRunner.Local.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill local setup`: seeds the local store with the demo shop and plan, for `drill run --local`.</summary>
public sealed class LocalSetupCommand(OutputConsoles consoles, TimeProvider time) : AsyncCommand<LocalSetupCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scenario <NAME>")]
        [Description("What later local drills meet: " + DemoScenario.DrillNames + ".")]
        public string Scenario { get; init; } = DemoScenario.Healthy;

        [CommandOption("--data <DIR>")]
        [Description("The local store's folder. Default: .drill/local in the clone; ~/.drill/local for the installed tool.")]
        public string? DataDirectory { get; init; }

        public override ValidationResult Validate() => ScenarioOption.Validate(Scenario);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var directory = settings.DataDirectory ?? LocalStore.DefaultDirectory;
        await LocalStore.SetUpDemoAsync(directory, DemoScenario.Find(settings.Scenario)!, time, DrillStore.CommandLine(context), message => consoles.Diagnostics.MarkupLineInterpolated($"{message}"), cancellationToken);
        consoles.Out.MarkupLineInterpolated($"local store ready in {directory}: plan '{DemoPlan.Name}'. Next: drill run --local{LocalStore.DataOption(settings.DataDirectory)} --plan {DemoPlan.Name} --reason \"try it\" --wait");
        return ExitCodes.Pass;
    }
}
