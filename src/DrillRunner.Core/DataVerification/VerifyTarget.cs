using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.DataVerification;

/// <summary>
/// Verifies the restored data: exact count, sentinel items, a sample equal to the source. Counting a
/// large table can outlast one Lambda invocation, so the counts are checkpointed in the run record
/// and the step answers "not done" when its time budget runs out; the state machine calls it again.
/// </summary>
public sealed class VerifyTarget(IRunStore runs, ITableInspector inspector, TimeProvider time, TimeSpan budget, IBucketInspector? buckets = null)
{
    public VerifyTarget(IRunStore runs, ITableInspector inspector, TimeProvider time)
        : this(runs, inspector, time, LambdaLimits.VerificationBudget)
    {
    }

    public async Task<VerificationStep> ExecuteAsync(TargetRef input, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + budget;
        bool OutOfTime() => time.GetUtcNow() >= deadline;
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        DrillDeadline.ThrowIfPassed(context.Run, time.GetUtcNow(), $"target '{input.TargetId}' was still being verified");
        if (context.Plan.Target(input.TargetId) is AwsBackupTarget { Kind.Check: RestoredCheck.BucketData } bucketTarget)
        {
            return await new VerifyBucket(runs, buckets ?? throw new InvalidOperationException("S3 targets need a bucket inspector."), time).ExecuteAsync(input, bucketTarget, OutOfTime, cancellationToken);
        }

        var target = context.Plan.TableTarget(input.TargetId);
        var verification = target.Verification;
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var scratch = record.Scratch?.Name ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no scratch table to verify.");
        var recoveryPoint = record.RecoveryPoint?.CreatedAt ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no recovery point.");

        // The restored table is counted as fast as it allows (segments from its size); the live source, a
        // production table, only with the plan's segments, and at the same time, so both counts stand for
        // nearly the same moment.
        var restoredStart = record.RestoredCount ?? await StartCountAsync(target.TableName, verification.ScanSegments, sizeDecides: true, cancellationToken);
        var sourceStart = verification.TolerancePercentOfSource is null ? null : record.SourceCount ?? await StartCountAsync(target.TableName, verification.ScanSegments, sizeDecides: false, cancellationToken);
        var counting = ContinueAsync(scratch, restoredStart, OutOfTime, cancellationToken);
        Task<ScanCheckpoint?> sourceCounting = sourceStart is null ? Task.FromResult<ScanCheckpoint?>(null) : ContinueOrNullAsync(target.TableName, sourceStart, OutOfTime, cancellationToken);
        await Task.WhenAll((Task)counting, sourceCounting);
        var restoredCount = await counting;
        var sourceCount = await sourceCounting;
        var countsDone = restoredCount.IsComplete && (verification.TolerancePercentOfSource is null || sourceCount is { IsComplete: true });
        if (!countsDone)
        {
            await runs.SaveTargetAsync(record with { RestoredCount = restoredCount, SourceCount = sourceCount }, cancellationToken);
            return new VerificationStep(input.RunId, input.TargetId, Done: false);
        }

        var count = restoredCount.Count;
        long? liveCount = sourceCount?.Count;
        var expectation = CountExpectation.From(verification, liveCount);

        var missing = new List<string>();
        foreach (var key in verification.SentinelKeys)
        {
            if (!await inspector.ItemExistsAsync(scratch, key, cancellationToken))
            {
                missing.Add("{" + string.Join(", ", key.Select(k => $"{k.Key}: {k.Value}")) + "}");
            }
        }

        var seed = Random.Shared.Next();
        var pairs = verification.SampleSize > 0
            ? await inspector.SamplePairsAsync(scratch, target.TableName, verification.SampleSize, seed, count, cancellationToken)
            : [];
        var (compared, skipped, mismatches) = SampleComparison.Compare(pairs, verification.LastModifiedAttribute, recoveryPoint);

        var result = new VerificationResult(count, liveCount, expectation.Min, expectation.Max, verification.SentinelKeys.Count, missing, compared, skipped, mismatches)
        {
            SampleSeed = verification.SampleSize > 0 ? seed : null,
            CountSkewSeconds = sourceCount?.Midpoint is { } sourceMiddle && restoredCount.Midpoint is { } restoredMiddle ? Math.Abs((sourceMiddle - restoredMiddle).TotalSeconds) : null,
            ScanSegments = restoredCount.Segments.Count,
            RestoredReadUnits = restoredCount.ReadUnits,
            SourceReadUnits = sourceCount?.ReadUnits ?? 0,
        };
        var problems = new List<string>();
        if (expectation.Judge(count) is { } countProblem)
        {
            problems.Add(countProblem);
        }

        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} of {verification.SentinelKeys.Count} sentinel item(s) missing: {string.Join("; ", missing.Take(5))}");
        }

        if (mismatches.Count > 0)
        {
            problems.Add($"{mismatches.Count} of {compared} sampled item(s) differ from the source: {string.Join("; ", mismatches.Take(5))}");
        }

        var now = time.GetUtcNow();
        if (problems.Count > 0)
        {
            await runs.SaveTargetAsync(record with { Verification = result, RestoredCount = restoredCount, SourceCount = sourceCount }, cancellationToken);
            throw new VerificationFailed($"verification of '{target.TableName}' failed: {string.Join("; ", problems)}");
        }

        await runs.SaveTargetAsync(record with { Verification = result, RestoredCount = restoredCount, SourceCount = sourceCount, Stage = TargetStage.Verified, VerifiedAt = now }, cancellationToken);
        return new VerificationStep(input.RunId, input.TargetId, Done: true);
    }

    private async Task<ScanCheckpoint> StartCountAsync(string sourceTable, int planSegments, bool sizeDecides, CancellationToken cancellationToken)
    {
        var segments = sizeDecides ? DynamoDbCapacity.ScanSegments(await inspector.SizeBytesAsync(sourceTable, cancellationToken) ?? 0, planSegments) : planSegments;
        return ScanCheckpoint.Start(segments) with { StartedAt = time.GetUtcNow() };
    }

    private async Task<ScanCheckpoint?> ContinueOrNullAsync(string table, ScanCheckpoint checkpoint, Func<bool> outOfTime, CancellationToken cancellationToken) =>
        await ContinueAsync(table, checkpoint, outOfTime, cancellationToken);

    private async Task<ScanCheckpoint> ContinueAsync(string table, ScanCheckpoint checkpoint, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        if (checkpoint.IsComplete)
        {
            return checkpoint;
        }

        var next = await inspector.ContinueCountAsync(table, checkpoint, outOfTime, cancellationToken);
        return next with
        {
            StartedAt = checkpoint.StartedAt,
            Invocations = checkpoint.Invocations + 1,
            CompletedAt = next.IsComplete ? time.GetUtcNow() : null,
        };
    }
}
