namespace DrillRunner.Core.Relations;

/// <summary>A table's partition key and whether a sort key follows it.</summary>
/// <param name="IsNumber">The partition key is of type N (else S; B keys cannot be referenced).</param>
public sealed record TableKey(string PartitionKey, bool IsNumber, bool HasSortKey);
