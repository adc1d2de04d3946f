using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>Reads tables to verify a restore. Read-only.</summary>
public interface ITableInspector
{
    /// <summary>The exact item count, by a parallel Select=COUNT scan (never the lagging ItemCount).</summary>
    Task<long> CountItemsAsync(string tableName, int segments, CancellationToken cancellationToken);

    /// <summary>
    /// Continues an exact count from <paramref name="checkpoint"/>, page by page, until every segment
    /// is done or <paramref name="outOfTime"/> says to stop; returns where it got to.
    /// </summary>
    Task<ScanCheckpoint> ContinueCountAsync(string tableName, ScanCheckpoint checkpoint, Func<bool> outOfTime, CancellationToken cancellationToken);

    /// <summary>Whether an item with this key exists.</summary>
    Task<bool> ItemExistsAsync(string tableName, IReadOnlyDictionary<string, KeyValue> key, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="size"/> restored items drawn across the whole key space (random segments of
    /// a parallel scan, chosen by <paramref name="seed"/>), each with the source's item of the same key (or null).
    /// <paramref name="itemCount"/> is the restored table's exact count, which sizes the segments.
    /// </summary>
    Task<IReadOnlyList<ItemPair>> SamplePairsAsync(string restoredTable, string sourceTable, int size, int seed, long itemCount, CancellationToken cancellationToken);

    /// <summary>The table's size as DynamoDB last reported it (updated about every six hours); null when unknown.</summary>
    Task<long?> SizeBytesAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>DynamoDB's item count of the table (refreshed about every six hours); null if it does not exist.</summary>
    Task<long?> ItemCountAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>The table's TTL, stream, PITR, deletion protection and tags: what a restore does not carry over. Reads only.</summary>
    Task<TableRecoverySettings> RecoverySettingsAsync(string tableName, CancellationToken cancellationToken);
}
