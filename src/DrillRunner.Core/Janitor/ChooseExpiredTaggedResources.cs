using System.Globalization;
using System.Text.Json;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Core.Teardown;

namespace DrillRunner.Core.Janitor;

/// <summary>
/// Safety rule 5 for what AWS Backup restored: databases, volumes and file systems that a stopped
/// execution left behind. The janitor's state machine lists what is tagged as scratch and deletes
/// what this class chooses: expired (drill:expires-at passed), recorded as created by the run its
/// drill:run-id names, scratch-named (Name tag for volumes and file systems) — the same three-way
/// guard as teardown. Anything it cannot attribute is refused and reported, never deleted.
/// </summary>
/// <param name="scratchPrefix">The stack's scratch prefix, validated by the host's settings; only resources named with it may be chosen.</param>
public sealed class ChooseExpiredTaggedResources(IRunStore runs, TimeProvider time, string scratchPrefix)
{
    private readonly string _scratchPrefix = ScratchPrefixes.Required(scratchPrefix);

    public async Task<JanitorChoice> ChooseAsync(JsonElement? tagged, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new SweepDue(runs, now);
        var deletions = new List<ScratchDeletion>();
        var refused = new List<JanitorFinding>();
        var inUse = 0;
        foreach (var (arn, tags) in TeardownRun.TagsByArn(tagged))
        {
            if (RestoreKinds.Parse(arn)?.Kind is not { Delete: not null })
            {
                continue; // Tables and buckets are swept by the function itself, by name.
            }

            tags.TryGetValue(TeardownGuard.RunIdTag, out var runId);
            if (!tags.TryGetValue(TeardownGuard.ExpiresAtTag, out var expiresText)
                || !DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
            {
                refused.Add(new JanitorFinding(arn, runId, $"no readable {TeardownGuard.ExpiresAtTag} tag: not provably a drill's resource"));
                continue;
            }

            if (!await due.IsDueAsync(runId, expiresAt, cancellationToken))
            {
                inUse++;
                continue;
            }

            var recorded = runId is null ? null : await RecordedAsync(runId, arn, cancellationToken);
            if (recorded is null)
            {
                refused.Add(new JanitorFinding(arn, runId, "no run record says a run created it"));
                continue;
            }

            var decision = TeardownGuard.Check(recorded.Scratch!, tags, runId!, _scratchPrefix);
            if (!decision.Allowed)
            {
                refused.Add(new JanitorFinding(arn, runId, decision.Why));
                continue;
            }

            deletions.Add(ScratchDeletion.Of(recorded));
        }

        return new JanitorChoice(deletions, refused, inUse);
    }

    /// <summary>Records in each run what the state machine's deletes did; reports leaks deleted and deletes that failed.</summary>
    public async Task<JanitorReport> RecordAsync(IReadOnlyList<ScratchDeletion> deletions, IReadOnlyList<DeletionResult> results, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deleted = new List<JanitorFinding>();
        var failed = new List<JanitorFinding>();
        foreach (var deletion in deletions)
        {
            var result = results.FirstOrDefault(r => r.Arn == deletion.Arn) ?? results.FirstOrDefault(r => r.Arn is null && r.TargetId == deletion.TargetId);
            var target = deletion.RunId is null ? null : await RecordedAsync(deletion.RunId, deletion.Arn, cancellationToken);
            if (result is { Deleted: true })
            {
                deleted.Add(new JanitorFinding(deletion.Arn, deletion.RunId, $"leaked by run {deletion.RunId}: deletion requested"));
                if (target is not null)
                {
                    await runs.SaveTargetAsync(target with { Scratch = target.Scratch! with { TornDown = true, TeardownNote = $"deleted by the janitor at {now:u}: the run ended without teardown" } }, cancellationToken);
                }
            }
            else
            {
                failed.Add(new JanitorFinding(deletion.Arn, deletion.RunId, $"the delete call failed: {result?.Error?.Error}: {result?.Error?.Message()}"));
            }
        }

        return new JanitorReport(deleted, failed, 0);
    }

    private async Task<TargetRun?> RecordedAsync(string runId, string arn, CancellationToken cancellationToken)
    {
        try
        {
            return (await runs.GetTargetsAsync(runId, cancellationToken)).FirstOrDefault(t => t.Scratch is { CreatedByRun: true, TornDown: false } s && s.Arn == arn);
        }
        catch (RunNotFound)
        {
            return null;
        }
    }
}
