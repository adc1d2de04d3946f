using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Relations;

/// <summary>
/// The items of a "from" table whose references are checked. A table of at most <c>size</c> items (by its verified
/// count) is read whole. A larger one is split into parallel-scan segments of about half a sample each: a segment is
/// a hash range of the partition key, so every item is equally likely to lie in any drawn segment. Segments are drawn
/// at random, without repeats, until <see cref="ReadPerSampledItem"/> × <c>size</c> items have been read; then
/// <c>size</c> of them are kept by reservoir sampling (each read item equally likely). Segments and reservoir follow
/// the seed, so the same seed over the same table checks the same items.
/// </summary>
/// <param name="Values">Each sampled item's attribute value, or null where the item lacks it.</param>
/// <param name="ItemsRead">Items read to draw the sample from.</param>
/// <param name="WholeTable">The table was read whole (every item checked when it held no more than the sample size).</param>
public sealed record ReferenceSample(IReadOnlyList<KeyValue?> Values, long ItemsRead, bool WholeTable)
{
    /// <summary>Items read per item kept: enough segments that the sample is not a few hash ranges' worth.</summary>
    public const int ReadPerSampledItem = 4;

    /// <summary>DynamoDB's largest TotalSegments.</summary>
    public const int MaxSegments = 1_000_000;

    public static async Task<ReferenceSample> DrawAsync(
        IRelationReader reader, string table, string attribute, int size, long? itemCount, int seed, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        if (itemCount is null || itemCount <= size)
        {
            var all = await reader.ReadSegmentAsync(table, attribute, 0, 1, cancellationToken);
            return new ReferenceSample(Reservoir(all, size, random), all.Count, WholeTable: true);
        }

        var segmentSize = Math.Max(1, size / 2);
        var totalSegments = (int)Math.Clamp((itemCount.Value + segmentSize - 1) / segmentSize, 1, MaxSegments);
        var drawn = new HashSet<int>();
        var read = new List<KeyValue?>();
        while (read.Count < (long)size * ReadPerSampledItem && drawn.Count < totalSegments && !outOfTime())
        {
            var segment = random.Next(totalSegments);
            if (drawn.Add(segment))
            {
                read.AddRange(await reader.ReadSegmentAsync(table, attribute, segment, totalSegments, cancellationToken));
            }
        }

        return new ReferenceSample(Reservoir(read, size, random), read.Count, WholeTable: drawn.Count == totalSegments);
    }

    /// <summary>Algorithm R: after it, each of <paramref name="items"/> is kept with the same probability.</summary>
    private static List<KeyValue?> Reservoir(IReadOnlyList<KeyValue?> items, int size, Random random)
    {
        var kept = new List<KeyValue?>(Math.Min(size, items.Count));
        for (var i = 0; i < items.Count; i++)
        {
            if (kept.Count < size)
            {
                kept.Add(items[i]);
            }
            else if (random.NextInt64(i + 1) is var j && j < size)
            {
                kept[(int)j] = items[i];
            }
        }

        return kept;
    }
}
