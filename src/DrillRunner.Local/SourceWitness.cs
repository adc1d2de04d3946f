using DrillRunner.Core.Safety;

namespace DrillRunner.Local;

/// <summary>
/// Safety rule 1 as a measurement: what the sources were when an execution began (tables, buckets
/// and the local AWS world's resources that carry no drill tag), and what was written to them by
/// the time it ended: items, table settings and tags, objects and bucket tags, deletes and tags.
/// </summary>
internal sealed class SourceWitness
{
    private readonly Dictionary<string, int> _tableWrites;
    private readonly Dictionary<string, (Dictionary<string, long> Objects, Dictionary<string, string> Tags)> _buckets;
    private readonly Dictionary<string, Dictionary<string, string>> _resources;

    private SourceWitness(
        Dictionary<string, int> tableWrites,
        Dictionary<string, (Dictionary<string, long>, Dictionary<string, string>)> buckets,
        Dictionary<string, Dictionary<string, string>> resources)
    {
        _tableWrites = tableWrites;
        _buckets = buckets;
        _resources = resources;
    }

    public static async Task<SourceWitness> TakeAsync(LocalDrillEnvironment environment, CancellationToken cancellationToken)
    {
        // What a restore made is scratch even before it carries the run's tags (another drill may be restoring right now).
        // The world registers a restored resource before creating it, so listing first and asking the world second
        // cannot take a resource restored in between for a source.
        var tableNames = await environment.TablesStartingWithAsync(string.Empty, cancellationToken);
        var bucketNames = environment.S3.BucketNames.ToList();
        var restoredByBackup = environment.Aws.Resources.Where(r => !r.IsSource).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var tables = tableNames
            .Where(t => t != LocalDrillEnvironment.RunsTableName && !environment.StandIn.TagsOf(t).ContainsKey(TeardownGuard.RunIdTag))
            .Where(t => !environment.StandIn.RestoredTables.ContainsKey(t) && !restoredByBackup.Contains(t))
            .ToDictionary(t => t, t => environment.StandIn.WritesByTable.GetValueOrDefault(t), StringComparer.Ordinal);
        // A bucket listed but gone by now was a scratch bucket a concurrent teardown deleted: no source is ever deleted.
        var buckets = bucketNames
            .Select(b => (Name: b, Bucket: environment.S3.Find(b)))
            .Where(b => b.Bucket is not null && !b.Bucket.Tags.ContainsKey(TeardownGuard.RunIdTag) && !restoredByBackup.Contains(b.Name))
            .ToDictionary(b => b.Name, b => (new Dictionary<string, long>(b.Bucket!.Objects), new Dictionary<string, string>(b.Bucket.Tags)), StringComparer.Ordinal);
        var resources = environment.Aws.Resources.Where(r => r.IsSource && !r.Deleted)
            .ToDictionary(r => r.Arn, r => new Dictionary<string, string>(r.Tags), StringComparer.Ordinal);
        return new SourceWitness(tables, buckets, resources);
    }

    /// <summary>Each write to a source since the snapshot, as a sentence; empty when none.</summary>
    public IEnumerable<string> WritesSince(LocalDrillEnvironment environment)
    {
        foreach (var (table, before) in _tableWrites)
        {
            var now = environment.StandIn.WritesByTable.GetValueOrDefault(table);
            if (now != before)
            {
                yield return $"source table '{table}' received {now - before} write call(s)";
            }
        }

        foreach (var (name, (objects, tags)) in _buckets)
        {
            if (environment.S3.Find(name) is not { } bucket)
            {
                yield return $"source bucket '{name}' was deleted";
                continue;
            }

            if (!Same(objects, bucket.Objects) || !Same(tags, bucket.Tags))
            {
                yield return $"source bucket '{name}' had its objects or tags changed";
            }
        }

        foreach (var resource in environment.Aws.Resources.Where(r => _resources.ContainsKey(r.Arn)))
        {
            if (resource.Deleted)
            {
                yield return $"source resource '{resource.Arn}' was deleted";
            }
            else if (!Same(_resources[resource.Arn], resource.Tags))
            {
                yield return $"source resource '{resource.Arn}' was tagged";
            }
        }
    }

    private static bool Same<T>(IReadOnlyDictionary<string, T> before, IReadOnlyDictionary<string, T> now) =>
        before.Count == now.Count && before.All(p => now.TryGetValue(p.Key, out var v) && Equals(v, p.Value));
}
