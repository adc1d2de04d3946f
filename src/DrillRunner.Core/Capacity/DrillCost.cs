using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Capacity;

/// <summary>
/// How a drill's cost is estimated from what the run counted (<see cref="RunCost"/>): the runner's own
/// part (Step Functions transitions, Lambda invocations and GB-seconds, runs-table requests) and the
/// part any restore test pays (restoring per GB, the counts' read units, scratch storage while it lived).
/// </summary>
public static class DrillCost
{
    /// <summary>
    /// Every function's memory (template.yaml's Globals; a test keeps them equal). Right-sized from 1,024 MB
    /// by the benchmark: no invocation allocated more than a few MB, the .NET runtime needs ~100 MB, and
    /// 512 MB still gives about 0.3 vCPU for the counts' parallel scans.
    /// </summary>
    public const int FunctionMemoryMb = 512;

    /// <summary>Assumed mean billed duration of one invocation (most read and write one item or two).</summary>
    public const double MeanInvocationSeconds = 0.3;

    /// <summary>
    /// States a native DynamoDB target's execution enters besides its loops: resolve, start, the loops'
    /// exits, done; each restore look adds 3 (wait, check, choice), each verification round 2. The
    /// many-target test counts the local engine's states per target and holds this estimate to it.
    /// </summary>
    public const int NativeFixedStates = 5;

    /// <summary>
    /// The same for an AWS Backup target (choose, prepare, start, record, tag, describe, verify,
    /// validate and their choices), as counted for S3 buckets; a database, volume or file system adds
    /// its describe looks, which the estimate does not count.
    /// </summary>
    public const int BackupFixedStates = 20;

    /// <summary>States of the drill machine itself: begin, map, teardown, conclude, notify and their choices.</summary>
    public const int DrillFixedStates = 12;

    /// <summary>Runs-table requests per invocation: the run header and plan read (strongly consistent, ≤ 8 KB: 2 units each), one target item written.</summary>
    public const double ReadUnitsPerInvocation = 4, WriteUnitsPerInvocation = 2;

    /// <summary>States one restore look enters: wait, check, choice; an AWS Backup look also describes the job.</summary>
    public static int LookStates(bool awsBackup) => awsBackup ? 4 : 3;

    /// <summary>What one restore look costs: its states, one invocation and its GB-seconds.</summary>
    public static double LookUsd(PriceTable prices, bool awsBackup = false) =>
        (LookStates(awsBackup) * prices.StateTransition) + prices.LambdaRequest + (MeanInvocationSeconds * FunctionMemoryMb / 1024.0 * prices.LambdaGbSecond);

    /// <summary>States a target's execution entered, by the estimate, had it looked at its restore <paramref name="looks"/> times.</summary>
    public static long StatesOf(TargetRun target, bool awsBackup, int looks) =>
        (awsBackup ? BackupFixedStates : NativeFixedStates) + ((long)LookStates(awsBackup) * looks) + (2L * Verifications(target)) + RunbookGapStates(target);

    /// <summary>
    /// The looks at a restore the estimate counts: as many as <see cref="PollSchedule"/> makes in AWS for a
    /// restore that took what this one took. The looks a run counted would overstate a local drill, whose
    /// waits are shortened to a tenth of a second (hundreds of looks at a 35-second restore); in AWS the
    /// two agree. A restore that never completed counts what the run counted.
    /// </summary>
    public static int LooksOf(TargetRun target) =>
        target is { RestoreRequestedAt: { } requested, RestoreCompletedAt: { } completed } && completed >= requested
            ? PollSchedule.Follow(completed - requested, target.Forecast?.Duration, completed - requested + TimeSpan.FromDays(1)).Looks
            : target.Polls;

    /// <summary>
    /// The runbook gap step after verification: compare, its choice and the choice after it; a table
    /// also reads and records its source's auto scaling (2 more states, 1 more invocation).
    /// </summary>
    public static int RunbookGapStates(TargetRun target) => ComparesTables(target) ? 5 : 3;

    private static int RunbookGapInvocations(TargetRun target) => ComparesTables(target) ? 2 : 1;

    private static bool ComparesTables(TargetRun target) => (target.Scratch?.Kind ?? ScratchKinds.DynamoDbTable) == ScratchKinds.DynamoDbTable;

    /// <summary>
    /// Lambda invocations a target made, by the estimate: one per look and per verification round, plus
    /// resolve and start (native) or choose, prepare, record, tag check and validation (AWS Backup), and the runbook gap's.
    /// </summary>
    public static long InvocationsOf(TargetRun target, bool awsBackup, int looks) => (awsBackup ? 5 : 2) + looks + Verifications(target) + RunbookGapInvocations(target);

    public static RunCost Estimate(IReadOnlyList<TargetRun> targets, Func<string, bool> isAwsBackup, DateTimeOffset now, string? region)
    {
        var prices = PriceTable.For(region);
        var transitions = DrillFixedStates + targets.Sum(t => StatesOf(t, isAwsBackup(t.TargetId), LooksOf(t)));
        var invocations = 4 + targets.Sum(t => InvocationsOf(t, isAwsBackup(t.TargetId), LooksOf(t)));
        var gbSeconds = invocations * MeanInvocationSeconds * FunctionMemoryMb / 1024.0;
        var readUnits = invocations * ReadUnitsPerInvocation;
        var writeUnits = invocations * WriteUnitsPerInvocation;
        var restoredGb = targets.Sum(t => (t.SourceSizeBytes ?? 0) / (double)DynamoDbCapacity.GiB);
        var countUnits = targets.Sum(t => (t.Verification?.RestoredReadUnits ?? t.RestoredCount?.ReadUnits ?? 0) + (t.Verification?.SourceReadUnits ?? t.SourceCount?.ReadUnits ?? 0));
        var scratchGbHours = targets.Sum(t => t.RestoreCompletedAt is { } done ? (t.SourceSizeBytes ?? 0) / (double)DynamoDbCapacity.GiB * Math.Max(0, (now - done).TotalHours) : 0);
        var runner = (transitions * prices.StateTransition) + (invocations * prices.LambdaRequest) + (gbSeconds * prices.LambdaGbSecond)
            + (readUnits * prices.ReadRequestUnit) + (writeUnits * prices.WriteRequestUnit);
        var restore = (restoredGb * prices.RestoreGb) + (countUnits * prices.ReadRequestUnit) + (scratchGbHours / 730.0 * prices.StorageGbMonth);
        return new RunCost(prices.Region, PriceTable.TakenOn, transitions, invocations, gbSeconds, readUnits, writeUnits, restoredGb, countUnits, scratchGbHours, runner, restore, targets.Count, targets.Sum(LooksOf));
    }

    private static int Verifications(TargetRun target) => Math.Max(1, Math.Max(target.RestoredCount?.Invocations ?? 0, target.SourceCount?.Invocations ?? 0));
}
