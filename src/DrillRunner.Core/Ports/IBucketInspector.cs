using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>Reads S3 buckets to verify a restore. Read-only.</summary>
public interface IBucketInspector
{
    /// <summary>Continues counting objects and bytes from <paramref name="from"/>, page by page, until done or out of time.</summary>
    Task<BucketCount> ContinueCountAsync(string bucket, BucketCount from, Func<bool> outOfTime, CancellationToken cancellationToken);

    /// <summary>Whether an object with this key exists.</summary>
    Task<bool> ObjectExistsAsync(string bucket, string key, CancellationToken cancellationToken);
}
