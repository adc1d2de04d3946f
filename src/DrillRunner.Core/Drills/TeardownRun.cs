using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.Drills;

/// <summary>
/// Deletes what this run created, only through the teardown guard, and releases the plan's lock.
/// Runs on every path; throws <see cref="ScratchTableBusy"/> while a table cannot be deleted yet,
/// so that the state machine retries.
/// </summary>
public sealed class TeardownRun(IRunStore runs, IScratchTables scratchTables, TimeProvider time)
{
    public async Task<TeardownResult> ExecuteAsync(RunnerErrorInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(input.RunId))
        {
            return new TeardownResult(null, VerdictNames.Of(Verdict.Error), input.Error?.Message() ?? "the drill did not begin", 0);
        }

        var run = await runs.GetAsync(input.RunId, cancellationToken);
        var targets = await runs.GetTargetsAsync(input.RunId, cancellationToken);
        var prefix = Plans.PlanReader.Read(run.PlanJson).Plan?.ScratchPrefix ?? string.Empty;
        var busy = new List<string>();
        var refused = 0;
        foreach (var target in targets.Where(t => t.Scratch is { TornDown: false }))
        {
            var scratch = target.Scratch!;
            if (await scratchTables.DescribeAsync(scratch.Name, cancellationToken) == ScratchTableState.Missing)
            {
                // AWS removes the table of a failed restore itself: nothing is left to delete.
                await runs.SaveTargetAsync(target with { Scratch = scratch with { TornDown = true, TeardownNote = "already gone" } }, cancellationToken);
                continue;
            }

            var tags = scratch.Arn is null ? new Dictionary<string, string>() : await scratchTables.GetTagsAsync(scratch.Arn, cancellationToken);
            var decision = TeardownGuard.Check(scratch, tags, run.RunId, prefix);
            if (!decision.Allowed)
            {
                await runs.SaveTargetAsync(target with { Scratch = scratch with { TeardownNote = $"refused: {decision.Why}" } }, cancellationToken);
                refused++;
                continue;
            }

            var outcome = await scratchTables.DeleteAsync(scratch.Name, cancellationToken);
            if (outcome == DeleteOutcome.Busy)
            {
                busy.Add(scratch.Name);
                await runs.SaveTargetAsync(target with { Scratch = scratch with { TeardownNote = "waiting: the table is still being created" } }, cancellationToken);
                continue;
            }

            var note = outcome == DeleteOutcome.Deleted ? "deleted" : "already gone";
            await runs.SaveTargetAsync(target with { Scratch = scratch with { TornDown = true, TeardownNote = note } }, cancellationToken);
        }

        if (busy.Count > 0)
        {
            throw new ScratchTableBusy($"scratch table(s) {string.Join(", ", busy)} cannot be deleted until their restore finishes");
        }

        if (run.HoldsPlanLock)
        {
            await runs.ReleasePlanLockAsync(run.PlanName, run.RunId, cancellationToken);
        }

        // Busy tables threw above, so what is left is exactly what the guard refused.
        var left = refused;
        run = run with { HoldsPlanLock = false, Status = run.Status == RunStatus.Rejected ? RunStatus.Rejected : RunStatus.TornDown, TornDownAt = time.GetUtcNow() };
        await runs.SaveAsync(run, cancellationToken);
        var verdict = run.Status == RunStatus.Rejected ? "REJECTED" : VerdictNames.Of(run.Verdict ?? Verdict.Error);
        return new TeardownResult(run.RunId, verdict, run.VerdictReason ?? "the drill ended without a verdict", left);
    }
}
