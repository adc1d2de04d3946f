namespace DrillRunner.Core.Runs;

/// <summary>An object listing in progress or done: where to resume (ListObjectsV2's continuation token).</summary>
public sealed record BucketCount(long Objects, long Bytes, string? ContinuationToken, bool Done)
{
    public static BucketCount Start { get; } = new(0, 0, null, false);
}
