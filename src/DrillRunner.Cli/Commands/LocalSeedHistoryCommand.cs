using System.ComponentModel;
using System.Diagnostics;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Local;
using DrillRunner.Local.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill local seed-history`: a synthetic history of weekly drills, so the report has a year to show.</summary>
public sealed class LocalSeedHistoryCommand(OutputConsoles consoles, TimeProvider time) : AsyncCommand<LocalSeedHistoryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--plans <N>")]
        [Description("How many synthetic plans (history-01, history-02 …), 1–99. Default 3.")]
        public int Plans { get; init; } = 3;

        [CommandOption("--weeks <N>")]
        [Description("How many weekly drills each plan gets, ending yesterday, 1–520. Default 52.")]
        public int Weeks { get; init; } = 52;

        [CommandOption("--data <DIR>")]
        [Description("The local store's folder. Default: .drill/local in the clone; ~/.drill/local for the installed tool.")]
        public string? DataDirectory { get; init; }

        public override ValidationResult Validate() =>
            Plans is < 1 or > 99 || Weeks is < 1 or > 520 ? ValidationResult.Error("--plans takes 1–99 and --weeks 1–520.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var directory = settings.DataDirectory ?? LocalStore.DefaultDirectory;
        await using var store = await LocalStore.OpenAsync(directory, time, DrillStore.CommandLine(context), cancellationToken);
        var clock = Stopwatch.StartNew();
        var services = store.Environment.Services;
        if (await services.Plans.GetLatestAsync(HistorySeeder.PlanName(1, settings.Plans), cancellationToken) is not null)
        {
            consoles.Diagnostics.WriteError($"the local store {directory} already has a seeded history (plan {HistorySeeder.PlanName(1, settings.Plans)} is stored), and a seeded history is written once. Fix: `drill local reset{LocalStore.DataOption(settings.DataDirectory)}`, `drill local setup{LocalStore.DataOption(settings.DataDirectory)}`, then seed again (e.g. with more --weeks); or seed another store with --data DIR.");
            return ExitCodes.UsageOrConfiguration;
        }

        var runs = await HistorySeeder.SeedAsync(services.Plans, services.Runs, settings.Plans, settings.Weeks, time.GetUtcNow(), cancellationToken);
        consoles.Out.MarkupLineInterpolated($"seeded {runs} synthetic drills across {settings.Plans} plan(s) (history-01…) in {directory} in {clock.Elapsed.TotalSeconds:0.0} s");
        return ExitCodes.Pass;
    }
}
