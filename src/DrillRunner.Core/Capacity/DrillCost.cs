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

    /// <summary>Runs-table requests per invocation: the run header and plan read (strongly consistent, ≤ 8 KB: 2 units each), one target item written.</summary>
    public const double ReadUnitsPerInvocation = 4, WriteUnitsPerInvocation = 2;

    /// <summary>What one restore look costs: its transitions, its invocation and its GB-seconds.</summary>
    public static double LookUsd(PriceTable prices, bool awsBackup = false) => Usd(WorkflowShape.Target(awsBackup).Look, prices);

    /// <summary>
    /// Transitions a target's execution made, by the estimate, had it looked at its restore <paramref name="looks"/> times
    /// (<see cref="WorkflowShape"/> counts them from the workflow model; the many-target test holds them to the local engine's).
    /// </summary>
    public static long StatesOf(TargetRun target, bool awsBackup, int looks) => Shape(target, awsBackup, looks).Transitions;

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

    /// <summary>Lambda invocations a target made, by the estimate: its path's, one per look and per verification round, and its runbook gap's.</summary>
    public static long InvocationsOf(TargetRun target, bool awsBackup, int looks) => Shape(target, awsBackup, looks).Invocations;

    /// <summary>A target's execution: its path's states, its looks and verification rounds; a table's runbook gap also reads its source's auto scaling.</summary>
    private static PathShape Shape(TargetRun target, bool awsBackup, int looks) =>
        WorkflowShape.Target(awsBackup).With(looks, Verifications(target), readsSourceScaling: ComparesTables(target));

    private static bool ComparesTables(TargetRun target) => (target.Scratch?.Kind ?? ScratchKinds.DynamoDbTable) == ScratchKinds.DynamoDbTable;

    private static double Usd(PathShape shape, PriceTable prices) =>
        (shape.Transitions * prices.StateTransition) + (shape.Invocations * (prices.LambdaRequest + (MeanInvocationSeconds * FunctionMemoryMb / 1024.0 * prices.LambdaGbSecond)));

    public static RunCost Estimate(IReadOnlyList<TargetRun> targets, Func<string, bool> isAwsBackup, DateTimeOffset now, string? region)
    {
        var prices = PriceTable.For(region);
        var transitions = WorkflowShape.Drill.Transitions + targets.Sum(t => StatesOf(t, isAwsBackup(t.TargetId), LooksOf(t)));
        var invocations = WorkflowShape.Drill.Invocations + targets.Sum(t => InvocationsOf(t, isAwsBackup(t.TargetId), LooksOf(t)));
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
