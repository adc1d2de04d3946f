using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Relations;

/// <summary>Reads restored (scratch) tables to check the plan's relations. Read-only; never given a source table.</summary>
public interface IRelationReader
{
    /// <summary>The table's partition key (name and type) and whether it has a sort key.</summary>
    Task<TableKey> KeyOfAsync(string table, CancellationToken cancellationToken);

    /// <summary>
    /// Every item of one parallel-scan segment (<paramref name="segment"/> of <paramref name="totalSegments"/>; 0 of 1 is
    /// the whole table), projected to <paramref name="attribute"/>: its value, or null where an item lacks it
    /// (or holds neither a string nor a number).
    /// </summary>
    Task<IReadOnlyList<KeyValue?>> ReadSegmentAsync(string table, string attribute, int segment, int totalSegments, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="values"/> are the partition key of an item of <paramref name="table"/> (BatchGetItem; a
    /// Query with Limit 1 per value for a table with a sort key). A value of the wrong type for the key names nothing.
    /// </summary>
    Task<IReadOnlySet<KeyValue>> ExistingAsync(string table, TableKey key, IReadOnlyCollection<KeyValue> values, CancellationToken cancellationToken);
}
