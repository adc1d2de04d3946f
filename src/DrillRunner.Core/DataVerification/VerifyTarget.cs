using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
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
    /// <summary>Leaves a margin under Lambda's 15 minutes for saving progress.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(10);

    public VerifyTarget(IRunStore runs, ITableInspector inspector, TimeProvider time)
        : this(runs, inspector, time, DefaultBudget)
    {
    }

    public async Task<VerificationStep> ExecuteAsync(TargetRef input, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + budget;
        bool OutOfTime() => time.GetUtcNow() >= deadline;
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        DrillDeadline.ThrowIfPassed(context.Run, time.GetUtcNow(), $"target '{input.TargetId}' was still being verified");
        if (context.Plan.Target(input.TargetId) is AwsBackupTarget { ResourceType: BackupResourceType.S3 } bucketTarget)
        {
            return await new VerifyBucket(runs, buckets ?? throw new InvalidOperationException("S3 targets need a bucket inspector."), time).ExecuteAsync(input, bucketTarget, OutOfTime, cancellationToken);
        }

        var target = context.Plan.TableTarget(input.TargetId);
        var verification = target.Verification;
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var scratch = record.Scratch?.Name ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no scratch table to verify.");
        var recoveryPoint = record.RecoveryPoint?.CreatedAt ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no recovery point.");

        var restoredCount = await inspector.ContinueCountAsync(scratch, record.RestoredCount ?? ScanCheckpoint.Start(verification.ScanSegments), OutOfTime, cancellationToken);
        var sourceCount = verification.TolerancePercentOfSource is null || !restoredCount.IsComplete
            ? record.SourceCount
            : await inspector.ContinueCountAsync(target.TableName, record.SourceCount ?? ScanCheckpoint.Start(verification.ScanSegments), OutOfTime, cancellationToken);
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

        var pairs = verification.SampleSize > 0
            ? await inspector.SamplePairsAsync(scratch, target.TableName, verification.SampleSize, cancellationToken)
            : [];
        var (compared, skipped, mismatches) = SampleComparison.Compare(pairs, verification.LastModifiedAttribute, recoveryPoint);

        var result = new VerificationResult(count, liveCount, expectation.Min, expectation.Max, verification.SentinelKeys.Count, missing, compared, skipped, mismatches);
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
}
