namespace DrillRunner.Core.Plans;

/// <summary>The checks a restored table must pass.</summary>
/// <param name="MinItemCount">Absolute lower bound on the restored item count.</param>
/// <param name="MaxItemCount">Absolute upper bound on the restored item count.</param>
/// <param name="TolerancePercentOfSource">Allowed shortfall/excess against the live source's exact count.</param>
/// <param name="SentinelKeys">Keys (attribute name to string or number) that must exist in the restore.</param>
/// <param name="SampleSize">How many restored items to compare with the source.</param>
/// <param name="LastModifiedAttribute">Attribute holding an item's last change (ISO 8601 or epoch seconds); items changed after the recovery point are not compared.</param>
/// <param name="ScanSegments">Parallel scan segments used to count.</param>
public sealed record Verification(
    long? MinItemCount,
    long? MaxItemCount,
    double? TolerancePercentOfSource,
    IReadOnlyList<IReadOnlyDictionary<string, KeyValue>> SentinelKeys,
    int SampleSize,
    string? LastModifiedAttribute,
    int ScanSegments)
{
    public static Verification Default { get; } = new(null, null, null, [], 0, null, 4);
}
