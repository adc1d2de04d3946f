using System.Collections.Concurrent;

namespace DrillRunner.Local.AwsWorld;

/// <summary>One bucket: object sizes by key, and its tags.</summary>
public sealed class LocalBucket
{
    public ConcurrentDictionary<string, long> Objects { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the bucket lives: ListBuckets' BucketRegion answers and filters by it.</summary>
    public string Region { get; set; } = LocalS3.Region;

    public LocalBucket Put(string key, long size)
    {
        Objects[key] = size;
        return this;
    }
}
