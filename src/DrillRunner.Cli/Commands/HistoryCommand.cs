using System.ComponentModel;
using System.Text.Json.Nodes;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill history --plan NAME [--last N]`: a plan's runs, newest first.</summary>
public sealed class HistoryCommand(OutputConsoles consoles, IStoreOpener stores) : AsyncCommand<HistoryCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--plan <NAME>")]
        [Description("The stored plan whose runs to list.")]
        public string Plan { get; init; } = string.Empty;

        [CommandOption("--last <N>")]
        [Description("How many runs (default 20).")]
        public int Last { get; init; } = 20;

        [CommandOption("--json")]
        [Description("Print the runs as one JSON array on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Plan) ? ValidationResult.Error("--plan is required.")
            : Last < 1 ? ValidationResult.Error("--last must be at least 1.")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await stores.OpenAsync(settings, context, StoreAccess.Shared, cancellationToken);
        if (await StoredPlanName.ProblemAsync(store, settings.Plan, settings.StoreOptions, cancellationToken) is { } problem)
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[red]{problem}[/]");
            return ExitCodes.UsageOrConfiguration;
        }

        var summaries = await store.Runs.HistoryAsync(settings.Plan, null, settings.Last, cancellationToken);
        var runs = new List<DrillRun>();
        var unreadable = new List<(string RunId, string Why)>();
        foreach (var summary in summaries)
        {
            if (summary.Unreadable is { } why)
            {
                unreadable.Add((summary.RunId, $"its history item cannot be read: {why}"));
                continue;
            }

            try
            {
                runs.Add(await store.Runs.GetAsync(summary.RunId, cancellationToken));
            }
            catch (Exception ex) when (ex is RunRecordUnreadable or RunNotFound)
            {
                unreadable.Add((summary.RunId, ex.Message));
            }
        }

        if (settings.Json)
        {
            var array = new JsonArray(runs.Select(r => (JsonNode)new JsonObject
            {
                ["runId"] = r.RunId,
                ["startedAt"] = r.StartedAt.ToString("O"),
                ["trigger"] = r.Trigger,
                ["status"] = r.Status.ToString(),
                ["verdict"] = r.Verdict is { } v ? VerdictNames.Of(v) : null,
                ["rtoSeconds"] = r.RtoSeconds,
                ["rpoSeconds"] = r.RpoSeconds,
                ["reason"] = r.VerdictReason,
            }).Concat(unreadable.Select(u => (JsonNode)new JsonObject { ["runId"] = u.RunId, ["unreadable"] = u.Why })).ToArray());
            consoles.Out.Profile.Out.Writer.WriteLine(array.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Pass;
        }

        foreach (var (runId, why) in unreadable)
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[yellow]unreadable:[/] run {runId}: {why}");
        }

        if (runs.Count == 0)
        {
            consoles.Out.MarkupLineInterpolated($"no runs of plan '{settings.Plan}' in {store.Description}");
            return ExitCodes.Pass;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Run", "Started (UTC)", "Trigger", "Verdict", "RTO", "RPO", "Why");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.RunId),
                run.StartedAt.ToString("yyyy-MM-dd HH:mm"),
                Markup.Escape(run.Trigger + (run.Reason is null ? string.Empty : $": {run.Reason}")),
                run.Verdict is { } v ? VerdictNames.Of(v) : run.Status.ToString(),
                run.RtoSeconds is { } rto ? RunJudge.Minutes(rto) : "-",
                run.RpoSeconds is { } rpo ? RunJudge.Minutes(rpo) : "-",
                Markup.Escape(run.VerdictReason ?? string.Empty));
        }

        consoles.Out.Write(table);
        return ExitCodes.Pass;
    }
}
