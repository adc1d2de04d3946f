using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>
/// A drill execution that was stopped (StopExecution), timed out or failed runs no Catch, so its
/// run would stay "running" and keep the plan's lock for hours. Told by EventBridge, this marks the
/// run Stopped with a verdict, releases the lock, and leaves what the run restored to the janitor,
/// which sweeps a stopped run's resources at once rather than at their expiry.
/// </summary>
public sealed class EndStoppedRun(IRunStore runs, TimeProvider time)
{
    public async Task<ExecutionEndedResult> ExecuteAsync(ExecutionStatusChange change, CancellationToken cancellationToken)
    {
        var arn = change.Detail?.ExecutionArn;
        var status = change.Detail?.Status ?? "ENDED";
        if (string.IsNullOrEmpty(arn) || await runs.FindRunOfExecutionAsync(arn, cancellationToken) is not { } runId)
        {
            return new ExecutionEndedResult(null, false, $"execution {arn ?? "(none)"} began no run");
        }

        DrillRun run;
        try
        {
            run = await runs.GetAsync(runId, cancellationToken);
        }
        catch (Errors.RunNotFound)
        {
            return new ExecutionEndedResult(runId, false, $"execution {arn} claimed run {runId} but failed before writing it");
        }

        if (run.Status is RunStatus.TornDown or RunStatus.Rejected or RunStatus.Stopped)
        {
            return new ExecutionEndedResult(runId, false, $"run {runId} had already ended ({run.Status})");
        }

        var stoppedAt = change.Detail?.StopDate is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : time.GetUtcNow();
        var targets = await runs.GetTargetsAsync(runId, cancellationToken);
        var unfinished = targets.Where(t => t.Stage is not (TargetStage.Verified or TargetStage.Failed)).Select(t => t.TargetId).ToList();
        var why = $"the execution was {status} at {stoppedAt:u}, {(run.Verdict is null ? "before the drill concluded" : "before its teardown finished")}"
            + (unfinished.Count > 0 ? $"; targets not finished: {string.Join(", ", unfinished)}" : string.Empty)
            + "; what it restored is deleted by the janitor's next sweep";
        if (run.HoldsPlanLock)
        {
            await runs.ReleasePlanLockAsync(run.PlanName, runId, cancellationToken);
        }

        await runs.SaveAsync(
            run with
            {
                Status = RunStatus.Stopped,
                HoldsPlanLock = false,
                Verdict = run.Verdict ?? Verdict.Error,
                VerdictReason = run.Verdict is null ? why : $"{run.VerdictReason}; {why}",
                RunnerError = run.Verdict is null ? $"{status}: {why}" : run.RunnerError,
                ConcludedAt = run.ConcludedAt ?? stoppedAt,
            },
            cancellationToken);
        return new ExecutionEndedResult(runId, true, why);
    }
}
