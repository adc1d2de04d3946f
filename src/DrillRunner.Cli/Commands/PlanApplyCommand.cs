using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Core.Plans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill plan apply FILE`: validates, then stores the plan as its next version in the runs table.</summary>
public sealed class PlanApplyCommand(OutputConsoles consoles, TimeProvider time) : AsyncCommand<PlanApplyCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The drill plan (JSON) to store.")]
        public string File { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[red]error:[/] plan file '{settings.File}' does not exist. Fix: give the path of a plan JSON file.");
            return ExitCodes.UsageOrConfiguration;
        }

        var json = await System.IO.File.ReadAllTextAsync(settings.File, cancellationToken);
        var result = PlanReader.Read(json);
        if (!result.IsValid)
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[red]not stored:[/] {result.Problems.Count} problem(s); run `drill plan validate {settings.File}` for the details.");
            foreach (var problem in result.Problems)
            {
                consoles.Diagnostics.MarkupLineInterpolated($"  [yellow]{problem.Path}[/] {problem.Message} fix: {problem.Fix}");
            }

            return ExitCodes.UsageOrConfiguration;
        }

        await using var store = await DrillStore.OpenAsync(settings, time, cancellationToken);
        var version = await store.Plans.SaveAsync(result.Plan!.Name, json, time.GetUtcNow(), cancellationToken);
        consoles.Out.MarkupLineInterpolated($"stored plan '{result.Plan.Name}' as version {version} in {store.Description}");
        return ExitCodes.Pass;
    }
}
