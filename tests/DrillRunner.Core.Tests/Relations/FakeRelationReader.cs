using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Relations;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Relations;

/// <summary>Restored tables and a bucket in memory; an item's segment is its position modulo the segment count (as a hash range would spread them).</summary>
internal sealed class FakeRelationReader : IRelationReader, IBucketInspector
{
    public Dictionary<string, List<Dictionary<string, KeyValue>>> Tables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TableKey> Keys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<string>> Buckets { get; } = new(StringComparer.Ordinal);

    public List<(string Table, int Segment, int TotalSegments)> SegmentReads { get; } = [];

    public List<string> ObjectLookups { get; } = [];

    public Task<TableKey> KeyOfAsync(string table, CancellationToken cancellationToken) => Task.FromResult(Keys[table]);

    public Task<IReadOnlyList<KeyValue?>> ReadSegmentAsync(string table, string attribute, int segment, int totalSegments, CancellationToken cancellationToken)
    {
        SegmentReads.Add((table, segment, totalSegments));
        return Task.FromResult<IReadOnlyList<KeyValue?>>(Tables[table]
            .Where((_, i) => i % totalSegments == segment)
            .Select(item => item.TryGetValue(attribute, out var value) ? value : null)
            .ToList());
    }

    public Task<IReadOnlySet<KeyValue>> ExistingAsync(string table, TableKey key, IReadOnlyCollection<KeyValue> values, CancellationToken cancellationToken)
    {
        var keys = Tables[table].Select(item => item[key.PartitionKey]).ToHashSet();
        return Task.FromResult<IReadOnlySet<KeyValue>>(values.Where(v => v.IsNumber == key.IsNumber && keys.Contains(v)).ToHashSet());
    }

    public Task<bool> ObjectExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        ObjectLookups.Add(key);
        return Task.FromResult(Buckets[bucket].Contains(key));
    }

    public Task<BucketCount> ContinueCountAsync(string bucket, BucketCount from, Func<bool> outOfTime, CancellationToken cancellationToken) =>
        throw new NotSupportedException("relations read the verified counts, never count again");

    public static Dictionary<string, KeyValue> Item(string pk, string? attribute = null, string? value = null)
    {
        var item = new Dictionary<string, KeyValue>(StringComparer.Ordinal) { ["pk"] = new KeyValue(pk, false) };
        if (attribute is not null && value is not null)
        {
            item[attribute] = new KeyValue(value, false);
        }

        return item;
    }
}
