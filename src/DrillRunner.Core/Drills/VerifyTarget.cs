using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>Verifies the restored data: exact count, sentinel items, a sample equal to the source.</summary>
public sealed class VerifyTarget(IRunStore runs, ITableInspector inspector, TimeProvider time)
{
    public async Task<TargetRef> ExecuteAsync(TargetRef input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var target = context.Plan.Target(input.TargetId);
        var verification = target.Verification;
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var scratch = record.Scratch?.Name ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no scratch table to verify.");
        var recoveryPoint = record.RecoveryPoint?.CreatedAt ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no recovery point.");

        var count = await inspector.CountItemsAsync(scratch, verification.ScanSegments, cancellationToken);
        long? sourceCount = verification.TolerancePercentOfSource is null
            ? null
            : await inspector.CountItemsAsync(target.TableName, verification.ScanSegments, cancellationToken);
        var expectation = CountExpectation.From(verification, sourceCount);

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

        var result = new VerificationResult(count, sourceCount, expectation.Min, expectation.Max, verification.SentinelKeys.Count, missing, compared, skipped, mismatches);
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
            await runs.SaveTargetAsync(record with { Verification = result }, cancellationToken);
            throw new VerificationFailed($"verification of '{target.TableName}' failed: {string.Join("; ", problems)}");
        }

        await runs.SaveTargetAsync(record with { Verification = result, Stage = TargetStage.Verified, VerifiedAt = now }, cancellationToken);
        return input;
    }
}
