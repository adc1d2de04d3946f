namespace DrillRunner.Core.Kinds;

/// <summary>
/// What DynamoDB publishes about the capacity that bounds a drill, in one place: the runner's forecasts
/// and scan sizing read it, and local mode's scale model paces modelled tables by it. Sources are in
/// docs/benchmarks.md ("The capacity model"); the one figure AWS does not publish is marked as assumed.
/// </summary>
public static class DynamoDbCapacity
{
    /// <summary>DynamoDB's units are binary: 1 KB = 1024 bytes.</summary>
    public const long KiB = 1024, MiB = 1024 * KiB, GiB = 1024 * MiB, TiB = 1024 * GiB;

    /// <summary>Restores (of any type) that may run at once in an account (RestoreTableToPointInTime API reference).</summary>
    public const int ConcurrentRestores = 50;

    /// <summary>A partition holds up to about 10 GB (Developer Guide, "Partitions and data distribution").</summary>
    public const long PartitionBytes = 10 * GiB;

    /// <summary>Each partition serves at most 3,000 read units per second (Developer Guide, warm throughput / hot partitions).</summary>
    public const double PartitionReadUnitsPerSecond = 3000;

    /// <summary>Default table-level read throughput quota for on-demand tables: 40,000 read request units per second (Service quotas).</summary>
    public const double TableReadUnitsPerSecond = 40000;

    /// <summary>One read unit reads 4 KB strongly consistent; an eventually consistent read costs half.</summary>
    public const long ReadUnitBytes = 4 * KiB;

    /// <summary>What an eventually consistent read costs, in strongly consistent read units.</summary>
    public const double EventuallyConsistentFactor = 0.5;

    /// <summary>One Scan page reads at most 1 MB, whatever is returned (Select=COUNT returns no items but reads them).</summary>
    public const long ScanPageBytes = MiB;

    /// <summary>Read units one full eventually consistent Scan page consumes (1 MB ÷ 4 KB ÷ 2 = 128).</summary>
    public const double ScanPageReadUnits = ScanPageBytes / ReadUnitBytes * EventuallyConsistentFactor;

    /// <summary>A PITR restore takes at least 20 minutes, whatever the table's size (AWS re:Post knowledge center).</summary>
    public static readonly TimeSpan MinimumRestore = TimeSpan.FromMinutes(20);

    /// <summary>
    /// ASSUMED (AWS publishes no rate, only that restores "usually take less than an hour" and are
    /// proportional to the largest partition): a full 10 GB partition is copied in 35 minutes.
    /// </summary>
    public static readonly TimeSpan FullPartitionCopy = TimeSpan.FromMinutes(35);

    /// <summary>The partitions a table of this size has at least (more if its throughput asked for them).</summary>
    public static long Partitions(long sizeBytes) => Math.Max(1, (sizeBytes + PartitionBytes - 1) / PartitionBytes);

    /// <summary>The read units per second a restored on-demand table can serve a scan: its partitions' limit, capped by the table quota.</summary>
    public static double ReadUnitsPerSecond(long sizeBytes) => Math.Min(Partitions(sizeBytes) * PartitionReadUnitsPerSecond, TableReadUnitsPerSecond);

    /// <summary>Read units an eventually consistent Select=COUNT scan of the whole table consumes.</summary>
    public static double CountScanReadUnits(long sizeBytes) => Math.Ceiling((double)sizeBytes / ReadUnitBytes) * EventuallyConsistentFactor;

    /// <summary>The shortest time a full count can take: its read units at the most the table serves.</summary>
    public static TimeSpan FastestCount(long sizeBytes) => TimeSpan.FromSeconds(CountScanReadUnits(sizeBytes) / ReadUnitsPerSecond(sizeBytes));

    /// <summary>
    /// How long a restore of a table this size is expected to take: the fixed part, plus copying the
    /// largest partition (data spread evenly, so no partition holds more than <see cref="PartitionBytes"/>).
    /// </summary>
    public static TimeSpan ExpectedRestore(long sizeBytes)
    {
        var largestPartition = Math.Min(sizeBytes, PartitionBytes);
        return MinimumRestore + (FullPartitionCopy * ((double)largestPartition / PartitionBytes));
    }

    /// <summary>
    /// Scan segments for a count: enough that the segments' pages in flight can use the whole rate the
    /// table allows (a segment reads one page at a time, and between pages its reader's round trip leaves
    /// the partition idle, so twice as many segments as the rate needs), never fewer than the plan asks,
    /// at most <see cref="MaxSegments"/>.
    /// </summary>
    public static int ScanSegments(long sizeBytes, int planSegments)
    {
        var needed = (int)Math.Ceiling(ReadUnitsPerSecond(sizeBytes) / SegmentReadUnitsPerSecond);
        return Math.Clamp(Math.Max(planSegments, sizeBytes >= GiB ? needed : 1), 1, MaxSegments);
    }

    /// <summary>What one sequentially read segment is counted on for (128 units per 1 MB page, ~4 pages a second).</summary>
    public const double SegmentReadUnitsPerSecond = 500;

    /// <summary>The most segments one verification invocation scans at once.</summary>
    public const int MaxSegments = 100;
}
