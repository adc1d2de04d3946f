using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Core.Plans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill plan validate FILE`: every problem, with its JSON path and the fix.</summary>
public sealed class PlanValidateCommand(OutputConsoles consoles) : AsyncCommand<PlanValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The drill plan (JSON) to check.")]
        public string File { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[red]error:[/] plan file '{settings.File}' does not exist. Fix: give the path of a plan JSON file.");
            return ExitCodes.UsageOrConfiguration;
        }

        var result = PlanReader.Read(await System.IO.File.ReadAllTextAsync(settings.File, cancellationToken));
        if (result.IsValid)
        {
            var plan = result.Plan!;
            consoles.Out.MarkupLineInterpolated($"[green]valid:[/] plan '{plan.Name}' with {plan.Targets.Count} target(s), RTO objective {plan.Objectives.RtoMinutes} min, RPO objective {plan.Objectives.RpoMinutes} min");
            return ExitCodes.Pass;
        }

        consoles.Out.MarkupLineInterpolated($"[red]invalid:[/] {result.Problems.Count} problem(s) in {settings.File}");
        foreach (var problem in result.Problems)
        {
            consoles.Out.MarkupLineInterpolated($"  [yellow]{problem.Path}[/] {problem.Message}");
            consoles.Out.MarkupLineInterpolated($"      fix: {problem.Fix}");
        }

        return ExitCodes.UsageOrConfiguration;
    }
}
