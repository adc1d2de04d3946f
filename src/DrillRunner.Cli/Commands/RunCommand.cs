using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Output;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Requests;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Workflow;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// `drill run`: requests a drill (a request item in the runs table; the Pipe starts it) and, with
/// --wait, follows it to its verdict: the release gate. Exit 0 PASS, 1 anything else, 2 usage, 3 timed out.
/// </summary>
public sealed class RunCommand(OutputConsoles consoles, TimeProvider time) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--plan <NAME>")]
        [Description("The stored plan to drill.")]
        public string Plan { get; init; } = string.Empty;

        [CommandOption("--reason <TEXT>")]
        [Description("Why (e.g. \"release 4.2\"); recorded with who asked.")]
        public string Reason { get; init; } = string.Empty;

        [CommandOption("--wait")]
        [Description("Follow the drill to its verdict; the exit code is the verdict.")]
        public bool Wait { get; init; }

        [CommandOption("--timeout <DURATION>")]
        [Description("With --wait: give up waiting after this long (90s, 45m, 2h). Default 6h.")]
        public string Timeout { get; init; } = "6h";

        [CommandOption("--json")]
        [Description("Print the final run record as one JSON document on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Plan))
            {
                return ValidationResult.Error("--plan is required: the name of a stored plan.");
            }

            if (string.IsNullOrWhiteSpace(Reason))
            {
                return ValidationResult.Error("--reason is required: say why this drill runs, e.g. --reason \"release 4.2\".");
            }

            return Durations.TryParse(Timeout, out _) ? base.Validate() : ValidationResult.Error($"--timeout '{Timeout}' is not a duration. Use e.g. 90s, 45m or 2h.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Durations.TryParse(settings.Timeout, out var timeout);
        var log = consoles.Diagnostics;
        await using var store = await DrillStore.OpenAsync(settings, time, cancellationToken);
        var outcome = await new RequestDrill(store.Plans, store.Runs, store.Requests, store.Caller, time).ExecuteAsync(settings.Plan, settings.Reason, cancellationToken);
        if (outcome.PlanProblem is { } problem)
        {
            log.MarkupLineInterpolated($"[red]error:[/] {problem}");
            return ExitCodes.UsageOrConfiguration;
        }

        if (outcome.HeldBy is { } holder)
        {
            log.MarkupLineInterpolated($"[yellow]not started:[/] plan '{settings.Plan}' is being drilled by run {holder.RunId} since {holder.Since:u}. Follow it with: drill status {holder.RunId}");
            if (store.Local is not null)
            {
                // Opening the local store ends the runs of commands that are gone, so this holder is not one of them.
                log.MarkupLine("(local store: runs left by a stopped command are ended when the next command opens the store; `drill local reset` starts afresh.)");
            }
            return ExitCodes.NotPass;
        }

        var request = outcome.Submitted!;
        log.MarkupLineInterpolated($"requested drill of plan '{request.PlanName}' ({request.Reason}) as {request.RequestedBy}; request {request.RequestId} in {store.Description}");

        // In AWS the Pipe starts the execution; locally this process is the Pipe and the state machine.
        Task<ExecutionResult>? execution = store.Local?.Environment.RunRequestedDrillAsync(request, null, CancellationToken.None);
        if (!settings.Wait && execution is null)
        {
            log.MarkupLineInterpolated($"not waiting. Follow it with: drill status --request {request.RequestId} --table {settings.ResolvedTable}");
            return ExitCodes.Pass;
        }

        var expected = await StageExpectations.RestoreTimesAsync(store.Runs, settings.Plan, 10, cancellationToken);
        var progress = new RunProgress(log, expected, time);
        var pollEvery = store.Local is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200);
        var (last, timedOut) = await new RunFollower(store.Runs, store.Requests, time).FollowAsync(request.RequestId, timeout, pollEvery, progress.Show, cancellationToken);

        if (timedOut)
        {
            log.MarkupLineInterpolated($"[yellow]timed out[/] after {settings.Timeout} waiting for {(last is null ? "the drill to begin" : $"run {last.Run.RunId}")}; the drill goes on. Later: drill status {last?.Run.RunId ?? "--request " + request.RequestId}");
            if (execution is not null)
            {
                log.MarkupLine("(local mode: the drill runs in this process, which waits for it to end before exiting)");
                await execution;
            }

            return ExitCodes.TimedOut;
        }

        if (execution is not null)
        {
            await execution;
        }

        var final = last!;
        if (settings.Json)
        {
            consoles.Out.Profile.Out.Writer.WriteLine(RunRecordJson.Write(RunRecordJson.Build(final.Run, final.Targets, final.Targets.Count(t => t.Scratch is { TornDown: false }))));
        }
        else if (final.Run.Status == RunStatus.Rejected)
        {
            consoles.Out.MarkupLineInterpolated($"[yellow]REJECTED[/] {final.Run.VerdictReason}");
        }
        else
        {
            RunPrinter.Print(consoles.Out, final.Run, final.Targets, final.Targets.Count(t => t.Scratch is { TornDown: false }));
        }

        return final.Run.Verdict == Verdict.Pass ? ExitCodes.Pass : ExitCodes.NotPass;
    }
}
