using System.ComponentModel;
using System.Text.Json;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// `drill plan suggest --from-coverage`: drafts a plan with a target for everything the latest
/// coverage audit found in no plan. It stores nothing: a person reviews the draft, then applies it.
/// Exit 0 drafted (or nothing to draft), 1 no audit or the draft needs changes, 2 usage.
/// </summary>
public sealed class PlanSuggestCommand(OutputConsoles consoles, IStoreOpener stores) : AsyncCommand<PlanSuggestCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--from-coverage")]
        [Description("Draft from the latest coverage audit: a target for every resource it found in no plan.")]
        public bool FromCoverage { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("The draft plan's name. Default: coverage-suggested.")]
        public string Name { get; init; } = "coverage-suggested";

        [CommandOption("--scratch-prefix <PREFIX>")]
        [Description("The draft's scratch prefix. Default: the first stored plan's, else drill-.")]
        public string? ScratchPrefix { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Write the draft to this file instead of stdout.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            FromCoverage ? base.Validate() : ValidationResult.Error("Say where the draft comes from: --from-coverage (the latest coverage audit's undrilled resources).");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var log = consoles.Diagnostics;
        await using var store = await stores.OpenAsync(settings, context, StoreAccess.Shared, cancellationToken);
        if (await store.Coverage.LatestAsync(cancellationToken) is not { } audit)
        {
            log.MarkupLineInterpolated($"[yellow]no coverage audit recorded[/] in {store.Description}. Fix: run `drill coverage --now --wait{settings.StoreOptions}` first.");
            return ExitCodes.NotPass;
        }

        var undrilled = SuggestPlan.Undrilled(audit);
        if (undrilled.Count == 0)
        {
            log.MarkupLineInterpolated($"nothing to suggest: audit {audit.AuditId} found every judged resource in a plan.");
            return ExitCodes.Pass;
        }

        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var table in undrilled.Where(e => e.Kind == ScratchKinds.DynamoDbTable))
        {
            counts[table.Name] = await store.Tables.ItemCountAsync(table.Name, cancellationToken);
        }

        var prefix = settings.ScratchPrefix ?? await FirstPrefixAsync(store, cancellationToken) ?? "drill-";
        var draft = SuggestPlan.Draft(audit, settings.Name, prefix, counts).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (settings.Out is { } file)
        {
            await File.WriteAllTextAsync(file, draft + Environment.NewLine, cancellationToken);
            consoles.Out.MarkupLineInterpolated($"wrote {file}: {undrilled.Count} target(s) from audit {audit.AuditId}.");
        }
        else
        {
            consoles.Out.Profile.Out.Writer.WriteLine(draft);
        }

        var unprotected = undrilled.Where(e => e.Findings.Any(f => f.Kind == FindingKind.NotProtected)).Select(e => e.Name).ToList();
        if (unprotected.Count > 0)
        {
            log.MarkupLineInterpolated($"[yellow]note:[/] {string.Join(", ", unprotected)} {(unprotected.Count == 1 ? "has" : "have")} no backup yet: {(unprotected.Count == 1 ? "its drill" : "their drills")} will FAIL until protected (see `drill coverage`).");
        }

        var checkedDraft = PlanReader.Read(draft);
        if (!checkedDraft.IsValid)
        {
            log.MarkupLineInterpolated($"[red]the draft needs changes before it can be applied:[/]");
            PlanFile.WriteProblems(log, checkedDraft.Problems);
            return ExitCodes.NotPass;
        }

        log.MarkupLineInterpolated($"Review it (objectives, counts, verification), then: drill plan validate FILE && drill plan apply FILE{settings.StoreOptions}");
        return ExitCodes.Pass;
    }

    private static async Task<string?> FirstPrefixAsync(DrillStore store, CancellationToken cancellationToken)
    {
        foreach (var name in (await store.Plans.ListNamesAsync(cancellationToken)).Order(StringComparer.Ordinal))
        {
            if (await store.Plans.GetLatestAsync(name, cancellationToken) is { } stored && PlanReader.Read(stored.Json).Plan is { } plan)
            {
                return plan.ScratchPrefix;
            }
        }

        return null;
    }
}
