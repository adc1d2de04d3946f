using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Relations;

/// <summary>
/// One reference relation: a seeded sample of the restored "from" table's items, each reference looked up in the
/// restored "to" table (by partition key) or bucket (by object key). Items lacking the attribute are counted as missing.
/// </summary>
public sealed class ReferenceCheck(IRelationReader tables, IBucketInspector? buckets, string runId)
{
    public async Task<RelationResult> RunAsync(ReferenceRelation relation, int index, TargetRun from, TargetRun to, int seed, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var description = RelationText.Describe(relation);
        var fromTable = from.Scratch!.Name;
        var toName = to.Scratch!.Name;
        RelationResult Result(bool passed, string why) => new(relation.Id, description, Checked: true, passed, why) { Seed = seed, SampleSize = relation.SampleSize, ExamplesHashed = relation.HashExamples };

        TableKey? key = null;
        if (relation.ToKey is { } keyName)
        {
            key = await tables.KeyOfAsync(toName, cancellationToken);
            if (key.PartitionKey != keyName)
            {
                return Result(false, $"'{keyName}' ($.relations[{index}].to.key) is not the partition key of the restored {relation.ToTarget} table, which is '{key.PartitionKey}'; correct the plan");
            }
        }

        var sample = await ReferenceSample.DrawAsync(tables, fromTable, relation.FromAttribute, relation.SampleSize, from.Verification?.ItemCount, seed, outOfTime, cancellationToken);
        var references = sample.Values.OfType<KeyValue>().ToList();
        var missing = sample.Values.Count - references.Count;
        var whole = sample.WholeTable && sample.ItemsRead <= relation.SampleSize;
        string Items(long n) => whole ? $"{RelationText.Count(n)} {relation.FromTarget} items (the whole table)" : $"{RelationText.Count(n)} sampled {relation.FromTarget} items";
        RelationResult Sampled(RelationResult result) => result with { ItemsSampled = sample.ItemsRead, WholeTable = sample.WholeTable, MissingAttribute = missing, References = references.Count };

        if (sample.Values.Count == 0)
        {
            return Sampled(Result(true, $"the restored {relation.FromTarget} table is empty: no references to check"));
        }

        if (references.Count == 0)
        {
            return Sampled(Result(false, $"none of the {Items(sample.Values.Count)} has the attribute '{relation.FromAttribute}' ($.relations[{index}].from.attribute) as a string or number: check its spelling, or whether the restore lost it"));
        }

        var distinct = references.Distinct().ToList();
        var existing = key is not null
            ? await tables.ExistingAsync(toName, key, distinct, cancellationToken)
            : await ExistingObjectsAsync(toName, distinct, cancellationToken);
        var dangling = references.Where(r => !existing.Contains(r)).ToList();
        var examples = dangling.Distinct().Take(RelationDefaults.Examples).Select(v => RelationText.Example(v.Text, relation.HashExamples, runId)).ToList();
        var what = key is null ? $"an object that is not in the restored {relation.ToTarget} bucket" : $"a {relation.ToTarget} item that is not in the restored {relation.ToTarget} table";
        var missingNote = missing > 0 ? $"; {RelationText.Count(missing)} lack the attribute '{relation.FromAttribute}' (counted as missing, not checked)" : string.Empty;
        var result = dangling.Count == 0
            ? Result(true, $"all {Items(references.Count)} name {(key is null ? "an object" : "an item")} in the restored {relation.ToTarget} {(key is null ? "bucket" : "table")} ({description}){missingNote}")
            : Result(false, $"{RelationText.Count(dangling.Count)} of {Items(references.Count)} name {what} ({description}); e.g. {string.Join(", ", examples)}{(relation.HashExamples ? " (hashed)" : string.Empty)}{missingNote}");
        return Sampled(result with { Dangling = dangling.Count, Examples = examples });
    }

    private async Task<IReadOnlySet<KeyValue>> ExistingObjectsAsync(string bucket, IReadOnlyList<KeyValue> keys, CancellationToken cancellationToken)
    {
        var inspector = buckets ?? throw new InvalidOperationException("A relation to a bucket needs a bucket inspector.");
        var existing = new HashSet<KeyValue>();
        foreach (var key in keys)
        {
            if (await inspector.ObjectExistsAsync(bucket, key.Text, cancellationToken))
            {
                existing.Add(key);
            }
        }

        return existing;
    }
}
