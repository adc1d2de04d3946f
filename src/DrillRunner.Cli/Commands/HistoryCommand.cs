using System.ComponentModel;
using System.Text.Json.Nodes;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Core.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill history --plan NAME [--last N]`: a plan's runs, newest first.</summary>
public sealed class HistoryCommand(OutputConsoles consoles, TimeProvider time) : AsyncCommand<HistoryCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--plan <NAME>")]
        public string Plan { get; init; } = string.Empty;

        [CommandOption("--last <N>")]
        [Description("How many runs (default 20).")]
        public int Last { get; init; } = 20;

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Plan) ? ValidationResult.Error("--plan is required.")
            : Last < 1 ? ValidationResult.Error("--last must be at least 1.")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await DrillStore.OpenAsync(settings, time, cancellationToken);
        var summaries = await store.Runs.HistoryAsync(settings.Plan, null, settings.Last, cancellationToken);
        var runs = new List<DrillRun>();
        foreach (var summary in summaries)
        {
            runs.Add(await store.Runs.GetAsync(summary.RunId, cancellationToken));
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
            }).ToArray());
            consoles.Out.Profile.Out.Writer.WriteLine(array.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Pass;
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
