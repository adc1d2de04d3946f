using System.Globalization;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.Janitor;

/// <summary>
/// Safety rule 5: a stopped execution runs no Catch, so its scratch tables and buckets outlive it. The janitor
/// deletes those whose drill:expires-at has passed, through the same three-way guard as
/// teardown (the run's record says it created the table, the tag names that run, the name has
/// the prefix), and reports each leak. Tables it cannot attribute are refused, never deleted.
/// </summary>
/// <param name="scratchPrefix">The stack's scratch prefix, validated by the host's settings; what the janitor lists and may delete.</param>
public sealed class SweepScratchByPrefix(IRunStore runs, IScratchTables scratchTables, TimeProvider time, string scratchPrefix, IScratchBuckets? buckets = null)
{
    private readonly string _scratchPrefix = ScratchPrefixes.Required(scratchPrefix);

    public async Task<JanitorReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new SweepDue(runs, now);
        var deleted = new List<JanitorFinding>();
        var refused = new List<JanitorFinding>();
        var inUse = 0;
        var listed = (await scratchTables.ListAsync(_scratchPrefix, cancellationToken)).Select(t => (Listing: t, Kind: ScratchKinds.DynamoDbTable)).ToList();
        if (buckets is not null)
        {
            listed.AddRange((await buckets.ListAsync(_scratchPrefix, cancellationToken)).Select(b => (Listing: b, Kind: ScratchKinds.S3Bucket)));
        }

        foreach (var (table, kind) in listed)
        {
            table.Tags.TryGetValue(TeardownGuard.RunIdTag, out var runId);
            if (!table.Tags.TryGetValue(TeardownGuard.ExpiresAtTag, out var expiresText)
                || !DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
            {
                refused.Add(new JanitorFinding(table.Name, runId, $"no readable {TeardownGuard.ExpiresAtTag} tag: not provably a drill's table"));
                continue;
            }

            if (!await due.IsDueAsync(runId, expiresAt, cancellationToken))
            {
                inUse++;
                continue;
            }

            var recorded = runId is null ? null : await RecordedScratchAsync(runId, table.Name, kind, cancellationToken);
            if (recorded is null)
            {
                refused.Add(new JanitorFinding(table.Name, runId, "no run record says a run created it"));
                continue;
            }

            var decision = TeardownGuard.Check(recorded.Value.Target.Scratch!, table.Tags, runId!, _scratchPrefix);
            if (!decision.Allowed)
            {
                refused.Add(new JanitorFinding(table.Name, runId, decision.Why));
                continue;
            }

            var outcome = kind == ScratchKinds.S3Bucket
                ? await buckets!.DeleteAsync(table.Name, cancellationToken)
                : await scratchTables.DeleteAsync(table.Name, cancellationToken);
            if (outcome is DeleteOutcome.Busy or DeleteOutcome.LimitReached)
            {
                refused.Add(new JanitorFinding(table.Name, runId, outcome == DeleteOutcome.Busy
                    ? "still being created; the next sweep deletes it"
                    : "the account's limit on simultaneous table operations is reached; the next sweep deletes it"));
                continue;
            }

            var target = recorded.Value.Target;
            await runs.SaveTargetAsync(target with { Scratch = target.Scratch! with { TornDown = true, TeardownNote = $"deleted by the janitor at {now:u}: the run ended without teardown" } }, cancellationToken);
            deleted.Add(new JanitorFinding(table.Name, runId, $"leaked by run {runId} ({(expiresAt <= now ? $"expired {expiresAt:u}" : "its execution was stopped")})"));
        }

        return new JanitorReport(deleted, refused, inUse);
    }

    private async Task<(DrillRun Run, TargetRun Target)?> RecordedScratchAsync(string runId, string tableName, string kind, CancellationToken cancellationToken)
    {
        try
        {
            var run = await runs.GetAsync(runId, cancellationToken);
            var target = (await runs.GetTargetsAsync(runId, cancellationToken)).FirstOrDefault(t => t.Scratch?.Name == tableName && t.Scratch.Kind == kind);
            return target is null ? null : (run, target);
        }
        catch (RunNotFound)
        {
            return null;
        }
    }
}
