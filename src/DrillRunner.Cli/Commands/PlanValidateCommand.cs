using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
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

        [CommandOption("--table <NAME>")]
        [Description("The runs table the plan is for (the stack's RunsTableName output): a scratch prefix it starts with is refused.")]
        public string? Table { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var read = await PlanFile.ReadAsync(settings.File, consoles.Diagnostics, cancellationToken, settings.Table);
        if (read is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var (_, result) = read.Value;

        if (result.IsValid)
        {
            var plan = result.Plan!;
            consoles.Out.MarkupLineInterpolated($"[green]valid:[/] plan '{plan.Name}' with {plan.Targets.Count} target(s), RTO objective {plan.Objectives.RtoMinutes} min, RPO objective {plan.Objectives.RpoMinutes} min");
            foreach (var rule in plan.Selection)
            {
                consoles.Out.MarkupLineInterpolated($"select: rule '{rule.Id}' ({rule.Describe()}) finds its targets when each drill begins; a rule that finds nothing, or a selection beyond the limits below, ends the drill in ERROR.");
            }

            foreach (var check in plan.HealthChecks.Where(c => Core.Plans.HealthCheckAddresses.IsLocalOnly(c.UrlTemplate)))
            {
                consoles.Out.MarkupLineInterpolated($"[yellow]note:[/] health check '{check.Name}' probes loopback ({check.UrlTemplate}): fine for --local drills, but a drill in AWS refuses it (inside Lambda, loopback is the function's own runtime API). Fix for AWS: probe the restored application's own endpoint.");
            }

            var (tables, waves) = Core.Plans.PlanRules.RestoreWaves(plan);
            if (tables > 0)
            {
                var least = waves * Core.Kinds.DynamoDbCapacity.MinimumRestore;
                consoles.Out.MarkupLineInterpolated(
                    $"scale: {tables} DynamoDB table(s) restored in {waves} wave(s) of up to {plan.MaxConcurrentRestores}: at least {least.TotalMinutes:0} min of the drill's {Core.Plans.PlanRules.TimeForRestores.TotalHours:0.#} h (a restore takes 20 min or more); limits: {Core.Plans.PlanRules.MaxTargets} targets, {Core.Plans.PlanRules.MaxBackupTargets} aws-backup targets, {Core.Kinds.DynamoDbCapacity.ConcurrentRestores} concurrent DynamoDB restores per account.");
            }
            return ExitCodes.Pass;
        }

        consoles.Out.MarkupLineInterpolated($"[red]invalid:[/] {result.Problems.Count} problem(s) in {settings.File}");
        PlanFile.WriteProblems(consoles.Out, result.Problems);
        return ExitCodes.UsageOrConfiguration;
    }
}
