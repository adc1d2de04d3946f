using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Output;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Requests;
using DrillRunner.Core.Runs;
using DrillRunner.Local;
using DrillRunner.Local.Workflow;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// `drill run`: requests a drill (a request item in the runs table; the Pipe starts it) and, with
/// --wait, follows it to its verdict: the release gate. Exit 0 PASS, 1 anything else, 2 usage,
/// 3 timed out, 130 interrupted.
/// </summary>
public sealed class RunCommand(OutputConsoles consoles, TimeProvider time, IStoreOpener stores) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--plan <NAME>")]
        [Description("The stored plan to drill.")]
        public string Plan { get; init; } = string.Empty;

        [CommandOption("--reason <TEXT>")]
        [Description("Why (e.g. \"release 4.2\", quoted); recorded with who asked.")]
        public string Reason { get; init; } = string.Empty;

        [CommandOption("--wait")]
        [Description("Follow the drill to its verdict; the exit code is the verdict. Without it, in AWS, exit 0 only says the request was written (with --local the drill runs in the command either way).")]
        public bool Wait { get; init; }

        [CommandOption("--timeout <DURATION>")]
        [Description("With --wait: give up waiting after this long (90s, 45m, 2h). Default 6h.")]
        public string? Timeout { get; init; }

        /// <summary>The drill's own time limit: waiting longer would wait for nothing.</summary>
        public string WaitFor => Timeout ?? "6h";

        [CommandOption("--json")]
        [Description("Print the final run record as one JSON document on stdout.")]
        public bool Json { get; init; }

        [CommandOption("--recovery-point <WHICH>")]
        [Description("Which backup this one drill proves: latest (the default; judged against the RPO objective), random (a seeded draw from the plan's window, recorded) or oldest (the oldest point still kept). An older point's RPO is its age, not judged.")]
        public string? RecoveryPoint { get; init; }

        /// <summary>The parsed --recovery-point; null for the plan's own rule.</summary>
        public PointSelect? PointOverride => PointSelects.Parse(RecoveryPoint);

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

            if (RecoveryPoint is not null && PointOverride is null)
            {
                return ValidationResult.Error($"--recovery-point '{RecoveryPoint}' is not one of {string.Join(", ", PointSelects.Names)}. Fix: e.g. --recovery-point random (the plan's recoveryPoint.withinDays sets the window).");
            }

            if (Timeout is not null && !Wait && !Local)
            {
                return ValidationResult.Error("--timeout goes with --wait: without --wait nothing is waited for. Fix: add --wait (a release gate should), or leave out --timeout.");
            }

            return Durations.TryParse(WaitFor, out _) ? base.Validate() : ValidationResult.Error($"--timeout '{Timeout}' is not a duration. Use e.g. 90s, 45m or 2h.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Durations.TryParse(settings.WaitFor, out var timeout);
        var log = consoles.Diagnostics;
        await using var store = await stores.OpenAsync(settings, context, StoreAccess.Shared, cancellationToken);

        // Another command holds the local store: the request is checked as any would be, but only that command runs drills.
        var requesting = store.RequestDrill(time);
        var outcome = store.Holder is null
            ? await requesting.ExecuteAsync(settings.Plan, settings.Reason, cancellationToken, settings.PointOverride)
            : await requesting.CheckAsync(settings.Plan, cancellationToken);
        if (outcome.PlanProblem is { } problem)
        {
            var empty = (store.Local is not null || store.Holder is not null) && (await store.Plans.ListNamesAsync(cancellationToken)).Count == 0;
            log.WriteError(empty ? EmptyStore(settings) : $"{problem}{settings.StoreOptions}");
            return ExitCodes.UsageOrConfiguration;
        }

        if (outcome.HeldBy is { } holder)
        {
            log.MarkupLineInterpolated($"[yellow]not started:[/] plan '{settings.Plan}' is being drilled by run {holder.RunId} since {holder.Since:u}. Follow it with: drill status {holder.RunId}{settings.StoreOptions}");
            if (store.Local is not null)
            {
                // Opening the local store ends the runs of commands that are gone, so this holder is not one of them.
                log.MarkupLine("(local store: runs left by a stopped command are ended when the next command opens the store; `drill local reset` starts afresh.)");
            }
            return ExitCodes.NotPass;
        }

        if (store.Holder is { } busy)
        {
            log.MarkupLineInterpolated($"[yellow]not started:[/] the local store is in use by {busy.Describe()}, and locally one command runs drills at a time. Run this again when it has ended; `drill status`, `history` and `report` work meanwhile.");
            return ExitCodes.NotPass;
        }

        var request = outcome.Submitted!;
        log.MarkupLineInterpolated($"requested drill of plan '{request.PlanName}' ({request.Reason}) as {request.RequestedBy}; request {request.RequestId} in {store.Description}");

        // In AWS the Pipe starts the execution; locally this process is the Pipe and the state machine,
        // and an interrupt stops the execution as StopExecution would.
        Task<ExecutionResult>? execution = store.Local?.Environment.RunRequestedDrillAsync(request, null, cancellationToken);
        if (!settings.Wait && execution is null)
        {
            log.MarkupLineInterpolated($"[yellow]not waiting:[/] exit code 0 says only that the request was written, not that the drill passed (a release gate must use --wait). Follow it with: drill status --request {request.RequestId}{settings.StoreOptions}");
            return ExitCodes.Pass;
        }

        try
        {
            return await FollowAsync(store, settings, request, timeout, execution, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await InterruptedAsync(store, settings, request, execution);
        }
    }

    private async Task<int> FollowAsync(DrillStore store, Settings settings, DrillRequest request, TimeSpan timeout, Task<ExecutionResult>? execution, CancellationToken cancellationToken)
    {
        var log = consoles.Diagnostics;
        var expected = await StageExpectations.RestoreTimesAsync(store.Runs, settings.Plan, 10, cancellationToken);
        var progress = new RunProgress(log, expected, time);
        var pollEvery = store.Local is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(200);
        RunSnapshot? last;
        bool timedOut;

        // Locally the drill's execution runs in this process: if it fails outright (its Node worker
        // died), its run would never end, so following stops too and the run is ended here.
        using var follow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = execution?.ContinueWith(_ => follow.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            (last, timedOut) = await store.RunFollower(time).FollowAsync(request.RequestId, timeout, pollEvery, progress.Show, follow.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && execution is { IsFaulted: true } && store.Local is { } local)
        {
            return await RunnerFailedAsync(store, local, request, execution.Exception!.GetBaseException(), settings.Json);
        }

        if (timedOut)
        {
            var later = $"drill status {last?.Run.RunId ?? "--request " + request.RequestId}{settings.StoreOptions}";
            if (execution is null)
            {
                log.MarkupLineInterpolated($"[yellow]timed out[/] after {settings.WaitFor} waiting for {(last is null ? "the drill to begin" : $"run {last.Run.RunId}")}; the drill goes on. Later: {later}");
            }
            else
            {
                // Locally the drill runs in this process: it ends before the command does, whatever the timeout.
                log.MarkupLineInterpolated($"[yellow]timed out[/] after {settings.WaitFor} waiting for {(last is null ? "the drill to begin" : $"run {last.Run.RunId}")}: exit 3, as asked. Locally the drill runs in this command, which lets it end before exiting…");
                await execution;
                log.MarkupLineInterpolated($"the drill has ended; its verdict: {later}");
            }

            return ExitCodes.TimedOut;
        }

        if (execution is not null)
        {
            await execution;
        }

        return Print(last!, settings.Json);
    }

    private int Print(RunSnapshot final, bool json)
    {
        if (json)
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

    /// <summary>The local runner itself failed mid-drill: the run ends with ERROR as a failed execution's does in AWS, and what it restored is swept.</summary>
    private async Task<int> RunnerFailedAsync(DrillStore store, LocalStore local, DrillRequest request, Exception failure, bool json)
    {
        var none = CancellationToken.None;
        consoles.Diagnostics.MarkupLineInterpolated($"[red]the local runner failed:[/] {failure.Message}");
        if (await store.Requests.RunIdAsync(request.RequestId, none) is not { } runId)
        {
            await store.Requests.MarkNotStartedAsync(request.RequestId, $"the local runner failed before the drill began: {failure.Message}", none);
            return ExitCodes.NotPass;
        }

        await local.EndStoppedRunAsync(await store.Runs.GetAsync(runId, none), LocalStore.LocalRunnerFailed, TimeSpan.Zero, time, _ => { }, none);

        return Print(new RunSnapshot(await store.Runs.GetAsync(runId, none), await store.Runs.GetTargetsAsync(runId, none)), json);
    }

    /// <summary>
    /// Ctrl-C (or SIGTERM) while following. In AWS the drill goes on and only the waiting stops. Locally
    /// the drill ran in this process: its execution is stopped, the run ended as AWS ends a stopped
    /// execution's, and what it created deleted by the janitor — or, if it had not begun, the request
    /// is recorded as never started (there is no Pipe to start it later).
    /// </summary>
    private async Task<int> InterruptedAsync(DrillStore store, Settings settings, DrillRequest request, Task<ExecutionResult>? execution)
    {
        var log = consoles.Diagnostics;
        var none = CancellationToken.None;
        if (store.Local is not { } local || execution is null)
        {
            var runId = await store.Requests.RunIdAsync(request.RequestId, none);
            log.MarkupLineInterpolated($"[yellow]interrupted:[/] stopped waiting; the drill goes on in AWS. Follow it with: drill status {(runId is null ? "--request " + request.RequestId : runId)}{settings.StoreOptions}");
            return ExitCodes.Interrupted;
        }

        try
        {
            await execution;
        }
        catch (OperationCanceledException)
        {
            // The execution was aborted in its worker, as StopExecution aborts one in AWS.
        }

        var begun = await store.Requests.RunIdAsync(request.RequestId, none);
        if (begun is null)
        {
            await store.Requests.MarkNotStartedAsync(request.RequestId, "interrupted before its execution began a run (local mode has no Pipe to start it later)", none);
            log.MarkupLineInterpolated($"[yellow]interrupted[/] before the drill began: request {request.RequestId} will not run, and says so (`drill status --request {request.RequestId}{settings.StoreOptions}`). Nothing was restored.");
            return ExitCodes.Interrupted;
        }

        var run = await store.Runs.GetAsync(begun, none);
        var waiting = (IReadOnlyList<string> left) => log.MarkupLineInterpolated($"waiting for {left.Count} restore(s) in progress to end, to delete what they create ({string.Join(", ", left)})…");
        if (await local.EndStoppedRunAsync(run, LocalStore.LocalRunnerInterrupted, SweepPatience, time, waiting, none) is { } left)
        {
            log.MarkupLineInterpolated($"[yellow]interrupted:[/] run {begun} was stopped and ended with ERROR (no statement about the backups); the janitor swept what it had restored: {(left == 0 ? "nothing is left behind" : $"{left} scratch resource(s) are still restoring; the next local command's janitor deletes them")}.");
        }
        else
        {
            log.MarkupLineInterpolated($"[yellow]interrupted[/] after run {begun} had ended ({run.Status}, {(run.Verdict is { } v ? VerdictNames.Of(v) : "no verdict")}): `drill status {begun}{settings.StoreOptions}` shows it.");
        }

        return ExitCodes.Interrupted;
    }

    /// <summary>How long an interrupted local drill waits for its restores in progress to end (the slow-restore scenario's take 35 s).</summary>
    private static readonly TimeSpan SweepPatience = TimeSpan.FromMinutes(1);

    private static string EmptyStore(Settings settings) =>
        $"the local store {settings.DataDirectory ?? LocalStore.DefaultDirectory} has no plans yet. Fix: `drill local setup{LocalStore.DataOption(settings.DataDirectory)}` seeds the demo shop and its plan (then --plan demo-shop), or store your own with `drill plan apply FILE{settings.StoreOptions}`.";
}
