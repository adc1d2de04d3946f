using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Native;

/// <summary>
/// One look at a restoring table. Completion is the first poll that sees ACTIVE; the previous
/// poll is kept as the lower bound, since DynamoDB tells no completion time.
/// </summary>
public sealed class CheckTableRestore(IRunStore runs, IScratchTables scratchTables, TimeProvider time)
{
    public async Task<RestorePoll> ExecuteAsync(RestorePoll input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var scratch = record.Scratch ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no scratch table; StartRestore must run first.");
        var now = time.GetUtcNow();
        var requestedAt = record.RestoreRequestedAt ?? now;
        var previousLook = record.LastPolledAt ?? requestedAt;

        if (!scratch.Tagged && scratch.Arn is not null)
        {
            scratch = scratch with { Tagged = await scratchTables.TryTagAsync(scratch.Arn, StartRestore.ScratchTags(context), cancellationToken) };
        }

        var state = await scratchTables.DescribeAsync(scratch.Name, cancellationToken);
        record = record with { Scratch = scratch, Polls = record.Polls + 1, LastPolledAt = now };

        switch (state)
        {
            case ScratchTableState.Active:
                await runs.SaveTargetAsync(
                    record with { Stage = TargetStage.Restored, RestoreCompletedAt = now, RestoreCompletedNotBefore = previousLook },
                    cancellationToken);
                return input with { Restored = true, Attempt = input.Attempt + 1, WaitSeconds = 0 };

            case ScratchTableState.Missing:
                await runs.SaveTargetAsync(record, cancellationToken);
                throw new RestoreFailed($"the restore of '{record.SourceName}' into '{scratch.Name}' failed: the scratch table disappeared {Minutes(now - requestedAt)} after the request (AWS abandons a failed restore and deletes its table)");

            default:
                await runs.SaveTargetAsync(record, cancellationToken);
                var attempt = input.Attempt + 1;
                var wait = PollSchedule.NextWaitSeconds(requestedAt, now, record.Forecast?.Duration, context.Plan.RestoreTimeoutMinutes, $"the restore of '{record.SourceName}' into '{scratch.Name}' was still not ACTIVE", context.Run);
                return input with { Restored = false, Attempt = attempt, WaitSeconds = wait };
        }
    }

    private static string Minutes(TimeSpan span) => RunJudge.Minutes(span.TotalSeconds);
}
