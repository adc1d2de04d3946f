namespace DrillRunner.Core.Plans;

/// <summary>The checks a restored S3 bucket must pass.</summary>
/// <param name="MinObjectCount">Absolute lower bound on the restored object count.</param>
/// <param name="MaxObjectCount">Absolute upper bound on the restored object count.</param>
/// <param name="MinTotalBytes">Absolute lower bound on the restored objects' total size.</param>
/// <param name="MaxTotalBytes">Absolute upper bound on the restored objects' total size.</param>
/// <param name="TolerancePercentOfSource">Allowed difference in count and bytes against the live source bucket.</param>
/// <param name="SentinelKeys">Object keys that must exist in the restore.</param>
public sealed record BucketVerification(
    long? MinObjectCount,
    long? MaxObjectCount,
    long? MinTotalBytes,
    long? MaxTotalBytes,
    double? TolerancePercentOfSource,
    IReadOnlyList<string> SentinelKeys)
{
    public static BucketVerification Default { get; } = new(null, null, null, null, null, []);
}
