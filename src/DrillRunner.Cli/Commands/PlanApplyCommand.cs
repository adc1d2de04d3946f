using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Local;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill plan apply FILE`: validates, then stores the plan as its next version in the runs table.</summary>
public sealed class PlanApplyCommand(OutputConsoles consoles, TimeProvider time, IStoreOpener stores) : AsyncCommand<PlanApplyCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The drill plan (JSON) to store.")]
        public string File { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var read = await PlanFile.ReadAsync(settings.File, consoles.Diagnostics, cancellationToken, settings.Local ? LocalDrillEnvironment.RunsTableName : settings.ResolvedTable);
        if (read is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var (json, result) = read.Value;

        if (!result.IsValid)
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[red]not stored:[/] {result.Problems.Count} problem(s) in {settings.File}");
            PlanFile.WriteProblems(consoles.Diagnostics, result.Problems);
            return ExitCodes.UsageOrConfiguration;
        }

        await using var store = await stores.OpenAsync(settings, context, StoreAccess.Shared, cancellationToken);
        var version = await store.Plans.SaveAsync(result.Plan!.Name, json, time.GetUtcNow(), cancellationToken);
        consoles.Out.MarkupLineInterpolated($"stored plan '{result.Plan.Name}' as version {version} in {store.Description}");
        return ExitCodes.Pass;
    }
}
