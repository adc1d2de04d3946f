using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Output;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Selection;
using DrillRunner.Local;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill plan validate FILE`: every problem, with its JSON path and the fix; with --resolve, what a drill beginning now would select.</summary>
public sealed class PlanValidateCommand(OutputConsoles consoles, IStoreOpener stores) : AsyncCommand<PlanValidateCommand.Settings>
{
    /// <summary>The store options say where --resolve lists resources; without --resolve only --table is read (a scratch prefix it starts with is refused).</summary>
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The drill plan (JSON) to check.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--resolve")]
        [Description("After validating, resolve the plan's \"select\" rules as a drill beginning now would (the same code, only reads): what each rule selects and leaves out, and the ERROR a drill would end with (exit 1). Lists resources in AWS (needs --table or $DRILL_RUNS_TABLE) or, with --local, in the local store.")]
        public bool Resolve { get; init; }

        public override ValidationResult Validate()
        {
            if (Resolve)
            {
                return base.Validate();
            }

            // Checking a file needs no store: only --resolve reads one.
            return Local || DataDirectory is not null || Endpoint is not null
                ? ValidationResult.Error("--local, --data and --endpoint say where --resolve lists resources. Fix: add --resolve, or leave them out to check the file alone.")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var runsTable = !settings.Resolve ? settings.Table : settings.Local ? LocalDrillEnvironment.RunsTableName : settings.ResolvedTable;
        var read = await PlanFile.ReadAsync(settings.File, consoles.Diagnostics, cancellationToken, runsTable);
        if (read is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var (json, result) = read.Value;

        if (result.IsValid)
        {
            var plan = result.Plan!;
            consoles.Out.MarkupLineInterpolated($"[green]valid:[/] plan '{plan.Name}' with {plan.Targets.Count} target(s), RTO objective {plan.Objectives.RtoMinutes} min, RPO objective {plan.Objectives.RpoMinutes} min");
            foreach (var rule in plan.Selection)
            {
                consoles.Out.MarkupLineInterpolated($"select: rule '{rule.Id}' ({rule.Describe()}) finds its targets when each drill begins; a rule that finds nothing, or a selection beyond the limits below, ends the drill in ERROR.");
            }

            if (plan.SurvivalRequired is { } required)
            {
                consoles.Out.MarkupLineInterpolated($"survival: the coverage audit requires each of its resources to survive {(required.Count == 0 ? "nothing (every survival finding is advisory)" : string.Join(", ", required.Select(Core.Plans.SurvivalEvents.Of)))}; the other survival findings are shown as advisory.");
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

            return settings.Resolve ? await ResolveAsync(context, settings, json, plan, cancellationToken) : ExitCodes.Pass;
        }

        consoles.Out.MarkupLineInterpolated($"[red]invalid:[/] {result.Problems.Count} problem(s) in {settings.File}");
        PlanFile.WriteProblems(consoles.Out, result.Problems);
        return ExitCodes.UsageOrConfiguration;
    }

    /// <summary>The plan's rules resolved through the store's <see cref="DrillStore.Selectable"/> by <see cref="ResolveSelection"/>, exactly as BeginDrill resolves them.</summary>
    private async Task<int> ResolveAsync(CommandContext context, Settings settings, string json, DrillPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Selection.Count == 0)
        {
            ResolutionPrinter.PrintNothingToResolve(consoles.Out, plan);
            return ExitCodes.Pass;
        }

        await using var store = await stores.OpenAsync(settings, context, StoreAccess.Shared, cancellationToken);
        if (store.Selectable is null)
        {
            consoles.Diagnostics.WriteError($"{store.Description} cannot list resources, so plan '{plan.Name}''s \"select\" rules cannot be resolved. Fix: use --local, or the runs table in AWS (--table NAME).");
            return ExitCodes.UsageOrConfiguration;
        }

        SelectionOutcome outcome;
        try
        {
            outcome = await new ResolveSelection(store.Selectable).ExecuteAsync(json, plan, SelectionScope.Of(store.RunsTableName, null), cancellationToken);
        }
        catch (Amazon.Runtime.AmazonServiceException ex)
        {
            consoles.Diagnostics.WriteError($"the resources plan '{plan.Name}''s rules select could not be listed ({store.Description}): {ex.ErrorCode}: {ex.Message} Fix: use credentials allowed dynamodb:ListTables, dynamodb:DescribeTable and dynamodb:ListTagsOfResource (s3:ListAllMyBuckets and s3:GetBucketTagging for bucket rules), in the stack's region.");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (InvalidOperationException ex)
        {
            // A rule selecting buckets where only tables can be listed (another endpoint, or the local store read through its holder).
            consoles.Diagnostics.WriteError($"{ex.Message} ({store.Description}). Fix: resolve bucket rules in AWS, or with --local once no other command holds the local store.");
            return ExitCodes.UsageOrConfiguration;
        }

        ResolutionPrinter.Print(consoles.Out, plan, outcome, store.Description);
        return outcome.Succeeded ? ExitCodes.Pass : ExitCodes.NotPass;
    }
}
