using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Output;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill status RUN_ID` (or --request ID): where a drill is, or how it ended.</summary>
public sealed class StatusCommand(OutputConsoles consoles, IStoreOpener stores) : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "[RUN_ID]")]
        [Description("The run id (printed by `drill run --wait` and `drill history`).")]
        public string? RunId { get; init; }

        [CommandOption("--request <ID>")]
        [Description("A request id printed by `drill run`, instead of a run id.")]
        public string? RequestId { get; init; }

        [CommandOption("--json")]
        [Description("Print the run record as one JSON document.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            (RunId is null) == (RequestId is null)
                ? ValidationResult.Error(RunId is null ? "Give a RUN_ID or --request ID." : "Give a RUN_ID or --request ID, not both.")
                : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var store = await stores.OpenAsync(settings, context, StoreAccess.Shared, cancellationToken);
        var runId = settings.RunId;
        if (runId is null)
        {
            var request = await store.Requests.GetAsync(settings.RequestId!, cancellationToken);
            if (request is null)
            {
                consoles.Diagnostics.WriteError($"no request '{settings.RequestId}' in {store.Description}. Fix: use the request id `drill run` printed (requests are kept 30 days), or a run id: `drill history --plan NAME`.");
                return ExitCodes.UsageOrConfiguration;
            }

            if (request.NotStartedBecause is { } because)
            {
                if (settings.Json)
                {
                    consoles.Out.Profile.Out.Writer.WriteLine(new System.Text.Json.Nodes.JsonObject { ["requestId"] = settings.RequestId, ["started"] = false, ["notStartedBecause"] = because }.ToJsonString());
                }
                else
                {
                    consoles.Out.MarkupLineInterpolated($"request {settings.RequestId} never started a drill: {because}. Ask again with `drill run`.");
                }

                return ExitCodes.NotPass;
            }

            if (request.RunId is null)
            {
                consoles.Out.MarkupLineInterpolated($"request {settings.RequestId} has not begun a run yet ({(store.Local is null && store.Holder is null ? "the Pipe starts it within seconds; check the state machine's executions if it never does" : "locally the `drill run` that asked for it starts it")}).");
                return ExitCodes.NotPass;
            }

            runId = request.RunId;
        }

        DrillRun run;
        try
        {
            run = await store.Runs.GetAsync(runId, cancellationToken);
        }
        catch (RunNotFound)
        {
            consoles.Diagnostics.WriteError($"no run '{runId}' in {store.Description}. Fix: check the id with `drill history --plan NAME`.");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (RunRecordUnreadable unreadable)
        {
            consoles.Out.MarkupLineInterpolated($"[yellow]unreadable:[/] {unreadable.Message}");
            return ExitCodes.NotPass;
        }

        var targets = await store.Runs.GetTargetsAsync(runId, cancellationToken);
        var left = targets.Count(t => t.Scratch is { TornDown: false });
        if (settings.Json)
        {
            consoles.Out.Profile.Out.Writer.WriteLine(RunRecordJson.Write(RunRecordJson.Build(run, targets, left)));
        }
        else if (run.Verdict is null)
        {
            consoles.Out.MarkupLineInterpolated($"run {run.RunId} of plan {run.PlanName}: {run.Status}, started {run.StartedAt:u} ({run.Trigger}{(run.Reason is null ? string.Empty : ": " + run.Reason)})");
            foreach (var target in targets)
            {
                consoles.Out.MarkupLineInterpolated($"  {target.TargetId,-12} {target.Stage}{(target.Failure is { } f ? ": " + f.Reason : string.Empty)}");
            }
        }
        else
        {
            RunPrinter.Print(consoles.Out, run, targets, left);
        }

        return run.Verdict == Verdict.Pass ? ExitCodes.Pass : ExitCodes.NotPass;
    }
}
