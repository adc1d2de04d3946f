using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.DataVerification;

/// <summary>
/// Verifies a restored S3 bucket: object count and total bytes within the plan's bounds and/or
/// tolerance of the live source bucket, and every sentinel key present. Listing is checkpointed in
/// the run record like a table count, so a large bucket spans several invocations.
/// </summary>
internal sealed class VerifyBucket(IRunStore runs, IBucketInspector buckets, TimeProvider time)
{
    public async Task<VerificationStep> ExecuteAsync(TargetRef input, AwsBackupTarget target, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var verification = target.BucketChecks;
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var scratch = record.Scratch?.Name ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no scratch bucket to verify.");
        var check = record.Bucket ?? new BucketCheck(BucketCount.Start, null);

        var restored = check.Restored.Done ? check.Restored : await buckets.ContinueCountAsync(scratch, check.Restored, outOfTime, cancellationToken);
        var source = check.Source;
        if (verification.TolerancePercentOfSource is not null && restored.Done && source is not { Done: true })
        {
            source = await buckets.ContinueCountAsync(target.ResourceName, source ?? BucketCount.Start, outOfTime, cancellationToken);
        }

        check = check with { Restored = restored, Source = source };
        if (!restored.Done || (verification.TolerancePercentOfSource is not null && source is not { Done: true }))
        {
            await runs.SaveTargetAsync(record with { Bucket = check }, cancellationToken);
            return new VerificationStep(input.RunId, input.TargetId, Done: false);
        }

        var objects = CountExpectation.From(verification.MinObjectCount, verification.MaxObjectCount, verification.TolerancePercentOfSource, source?.Objects, "objects");
        var bytes = CountExpectation.From(verification.MinTotalBytes, verification.MaxTotalBytes, verification.TolerancePercentOfSource, source?.Bytes, "bytes");
        var missing = new List<string>();
        foreach (var key in verification.SentinelKeys)
        {
            if (!await buckets.ObjectExistsAsync(scratch, key, cancellationToken))
            {
                missing.Add(key);
            }
        }

        check = check with
        {
            ExpectedMinObjects = objects.Min,
            ExpectedMaxObjects = objects.Max,
            ExpectedMinBytes = bytes.Min,
            ExpectedMaxBytes = bytes.Max,
            SentinelsChecked = verification.SentinelKeys.Count,
            SentinelsMissing = missing,
        };
        var problems = new[] { objects.Judge(restored.Objects), bytes.Judge(restored.Bytes) }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} of {verification.SentinelKeys.Count} sentinel object(s) missing: {string.Join("; ", missing.Take(5))}");
        }

        if (problems.Count > 0)
        {
            await runs.SaveTargetAsync(record with { Bucket = check }, cancellationToken);
            throw new VerificationFailed($"verification of bucket '{target.ResourceName}' restored as '{scratch}' failed: {string.Join("; ", problems)}");
        }

        await runs.SaveTargetAsync(record with { Bucket = check, Stage = TargetStage.Verified, VerifiedAt = time.GetUtcNow() }, cancellationToken);
        return new VerificationStep(input.RunId, input.TargetId, Done: true);
    }
}
