using System.Collections.Concurrent;
using System.Text.Json;
using DrillRunner.Core.AwsBackup;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.Teardown;

/// <summary>
/// Deletes what this run created, only through the teardown guard, and releases the plan's lock.
/// Runs on every path. Tables and buckets it deletes itself (throwing <see cref="ScratchTableBusy"/>
/// while a table cannot be deleted yet, so that the state machine retries); databases, volumes and
/// file systems that pass the guard it hands to the state machine to delete, then records the
/// outcome when called again.
/// </summary>
public sealed class TeardownRun(IRunStore runs, IScratchTables scratchTables, TimeProvider time, IScratchBuckets? buckets = null)
{
    public async Task<TeardownResult> ExecuteAsync(TeardownInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(input.RunId))
        {
            return new TeardownResult(null, VerdictNames.Of(Verdict.Error), input.Error?.Message() ?? "the drill did not begin", 0);
        }

        var run = await runs.GetAsync(input.RunId, cancellationToken);
        var targets = await runs.GetTargetsAsync(input.RunId, cancellationToken);
        var prefix = PlanReader.Read(run.PlanJson).Plan?.ScratchPrefix ?? string.Empty;
        var liveTags = TagsByArn(input.Tagged);
        var busy = new List<string>();
        var deletions = new List<ScratchDeletion>();
        var handed = new List<TargetRun>();
        var left = 0;
        var pending = targets.Where(t => t.Scratch is { TornDown: false }).ToList();

        // Tables and buckets are deleted by this function, several at a time: one after another, a
        // drill of hundreds of targets spent minutes here. Their records are saved in order below.
        var byFunction = new ConcurrentDictionary<string, (Outcome, string)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            pending.Where(t => DeletedBy(t) is not Deleter.StateMachine),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDeletions, CancellationToken = cancellationToken },
            async (target, token) => byFunction[target.TargetId] = DeletedBy(target) == Deleter.ScratchTables
                ? await TableAsync(target.Scratch!, run.RunId, prefix, token)
                : await BucketAsync(target, target.Scratch!, run.RunId, prefix, token));

        foreach (var target in pending)
        {
            var scratch = target.Scratch!;
            var (outcome, note) = byFunction.TryGetValue(target.TargetId, out var done)
                ? done
                : ByStateMachine(target, scratch, input, liveTags, run.RunId, prefix, deletions);
            switch (outcome)
            {
                case Outcome.Gone:
                    await runs.SaveTargetAsync(target with { Scratch = scratch with { TornDown = true, TeardownNote = note } }, cancellationToken);
                    break;
                case Outcome.Busy:
                    busy.Add(scratch.Name);
                    await runs.SaveTargetAsync(target with { Scratch = scratch with { TeardownNote = note } }, cancellationToken);
                    break;
                case Outcome.Left:
                    left++;
                    await runs.SaveTargetAsync(target with { Scratch = scratch with { TeardownNote = note } }, cancellationToken);
                    break;
                case Outcome.Handed:
                    handed.Add(target);
                    break;
            }
        }

        if (busy.Count > 0)
        {
            throw new ScratchTableBusy($"scratch table(s) {string.Join(", ", busy)} cannot be deleted yet (still restoring, or the account's limit on simultaneous table operations is reached); teardown is retried");
        }

        var verdict = run.Status == RunStatus.Rejected ? nameof(RunStatus.Rejected) : VerdictNames.Of(run.Verdict ?? Verdict.Error);
        if (deletions.Count > 0)
        {
            foreach (var target in handed)
            {
                await runs.SaveTargetAsync(target with { Scratch = target.Scratch! with { TeardownNote = Deleting } }, cancellationToken);
            }

            return new TeardownResult(run.RunId, verdict, run.VerdictReason ?? "the drill ended without a verdict", left) { Done = false, Deletions = deletions };
        }

        if (run.HoldsPlanLock)
        {
            await runs.ReleasePlanLockAsync(run.PlanName, run.RunId, cancellationToken);
        }

        run = run with { HoldsPlanLock = false, Status = run.Status == RunStatus.Rejected ? RunStatus.Rejected : RunStatus.TornDown, TornDownAt = time.GetUtcNow() };
        await runs.SaveAsync(run, cancellationToken);
        return new TeardownResult(run.RunId, verdict, run.VerdictReason ?? "the drill ended without a verdict", left);
    }

    /// <summary>How many tables and buckets one invocation deletes at once: far below DynamoDB's 500 simultaneous table operations per account, which the drill's own restores share.</summary>
    public const int ConcurrentDeletions = 10;

    private const string Deleting = "deleting: handed to the state machine";

    /// <summary>Who deletes the target's scratch resource, as its kind's record says; one of no known kind is the state machine's to judge.</summary>
    private static Deleter DeletedBy(TargetRun target) => RestoreKinds.OfScratchKind(target.Scratch!.Kind)?.DeletedBy ?? Deleter.StateMachine;

    private enum Outcome
    {
        Gone,
        Busy,
        Left,
        Handed,
    }

    private async Task<(Outcome, string)> TableAsync(ScratchResource scratch, string runId, string prefix, CancellationToken cancellationToken)
    {
        if (await scratchTables.DescribeAsync(scratch.Name, cancellationToken) == ScratchTableState.Missing)
        {
            // AWS removes the table of a failed restore itself: nothing is left to delete.
            return (Outcome.Gone, "already gone");
        }

        var tags = scratch.Arn is null ? new Dictionary<string, string>() : await scratchTables.GetTagsAsync(scratch.Arn, cancellationToken);
        var decision = TeardownGuard.Check(scratch, tags, runId, prefix);
        if (!decision.Allowed)
        {
            return (Outcome.Left, $"refused: {decision.Why}");
        }

        return await scratchTables.DeleteAsync(scratch.Name, cancellationToken) switch
        {
            DeleteOutcome.Busy => (Outcome.Busy, "waiting: the table is still being created"),
            DeleteOutcome.LimitReached => (Outcome.Busy, "waiting: the account's limit on simultaneous table operations is reached"),
            DeleteOutcome.Deleted => (Outcome.Gone, "deleted"),
            _ => (Outcome.Gone, "already gone"),
        };
    }

    private async Task<(Outcome, string)> BucketAsync(TargetRun target, ScratchResource scratch, string runId, string prefix, CancellationToken cancellationToken)
    {
        if (scratch.Arn is null)
        {
            return Unfinished(target);
        }

        if (buckets is null)
        {
            return (Outcome.Left, "left: this deployment has no S3 access to delete buckets");
        }

        var tags = await buckets.GetTagsAsync(scratch.Name, cancellationToken);
        var decision = TeardownGuard.Check(scratch, tags, runId, prefix);
        if (!decision.Allowed)
        {
            return (Outcome.Left, $"refused: {decision.Why}");
        }

        return await buckets.DeleteAsync(scratch.Name, cancellationToken) switch
        {
            DeleteOutcome.Deleted => (Outcome.Gone, "emptied and deleted"),
            DeleteOutcome.Busy => (Outcome.Left, "left: the bucket could not be emptied"),
            _ => (Outcome.Gone, "already gone"),
        };
    }

    private static (Outcome, string) ByStateMachine(
        TargetRun target,
        ScratchResource scratch,
        TeardownInput input,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> liveTags,
        string runId,
        string prefix,
        List<ScratchDeletion> deletions)
    {
        if (input.DeletionResults?.FirstOrDefault(r => r.TargetId == target.TargetId) is { } result)
        {
            return result.Deleted
                ? (Outcome.Gone, "deletion requested (no final snapshot)")
                : (Outcome.Left, $"left: the delete call failed: {result.Error?.Error}: {result.Error?.Message()}");
        }

        // A second delivery of the same first call (Lambda runs a function at least once) hands it again;
        // only a state machine that came back from the deletions without this one's outcome leaves it.
        if (scratch.TeardownNote == Deleting && input.ReturnsFromDeletions)
        {
            // Handed over before, and the state machine came back without an outcome: never hand it twice.
            return (Outcome.Left, "left: the delete step did not report back; check whether it still exists");
        }

        if (scratch.Arn is null)
        {
            return Unfinished(target);
        }

        var tags = liveTags.TryGetValue(scratch.Arn, out var found) ? found : new Dictionary<string, string>();
        var decision = TeardownGuard.Check(scratch, tags, runId, prefix);
        if (!decision.Allowed)
        {
            return (Outcome.Left, $"refused: {decision.Why}");
        }

        deletions.Add(ScratchDeletion.Of(target));
        return (Outcome.Handed, Deleting);
    }

    /// <summary>A restore job that created nothing known to the run: nothing to delete, or something it cannot vouch for.</summary>
    private static (Outcome, string) Unfinished(TargetRun target) =>
        target.Backup?.JobStatus is "FAILED" or "ABORTED"
            ? (Outcome.Gone, $"AWS Backup created nothing (restore job {target.Backup.JobStatus})")
            : (Outcome.Left, $"left: restore job {target.Backup?.RestoreJobId ?? "(none)"} had not completed, so what it creates is untagged and unknown to this run; look for '{target.Scratch!.Name}'");

    /// <summary>GetResources' answer (its ResourceTagMappingList: [{ ResourceARN, Tags: [{ Key, Value }] }]) by ARN.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> TagsByArn(JsonElement? tagged)
    {
        var byArn = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (tagged is not { ValueKind: JsonValueKind.Object } answer)
        {
            return byArn;
        }

        foreach (var mapping in AwsAnswer.Array(answer, "ResourceTagMappingList"))
        {
            if (AwsAnswer.String(mapping, "ResourceARN") is not { } arn)
            {
                continue;
            }

            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in AwsAnswer.Array(mapping, "Tags"))
            {
                if (AwsAnswer.String(tag, "Key") is { } key)
                {
                    tags[key] = AwsAnswer.String(tag, "Value") ?? string.Empty;
                }
            }

            byArn[arn] = tags;
        }

        return byArn;
    }
}
