namespace DrillRunner.Core.Plans;

/// <summary>
/// Every item of <paramref name="FromTarget"/>'s table names, in <paramref name="FromAttribute"/>, something
/// that exists in <paramref name="ToTarget"/>: an item whose partition key <paramref name="ToKey"/> has that value,
/// or (when <paramref name="ToKey"/> is null) an object with that key in a restored bucket.
/// </summary>
/// <param name="SampleSize">How many items of the "from" table are checked; a table with no more items than this is checked whole.</param>
/// <param name="HashExamples">Examples of dangling values are shown as hashes, for data people must not see in a report.</param>
public sealed record ReferenceRelation(
    string Id,
    string FromTarget,
    string FromAttribute,
    string ToTarget,
    string? ToKey,
    int SampleSize,
    bool HashExamples) : Relation(Id)
{
    /// <summary>The reference names an object in a restored bucket rather than an item of a table.</summary>
    public bool ToObjectKey => ToKey is null;

    public override IReadOnlyList<(string TargetId, string Field)> NamedTargets =>
        [(FromTarget, "from.target"), (ToTarget, "to.target")];
}
