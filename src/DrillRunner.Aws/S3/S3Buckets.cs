using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.S3;

/// <summary>S3 through AWSSDK.S3: counts and checks restored buckets, reads their tags, empties and deletes scratch buckets.</summary>
public sealed class S3Buckets(IAmazonS3 s3) : IBucketInspector, IScratchBuckets
{
    public async Task<BucketCount> ContinueCountAsync(string bucket, BucketCount from, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var count = from;
        while (!count.Done && !outOfTime())
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = count.ContinuationToken, MaxKeys = 1000 }, cancellationToken);
            var objects = page.S3Objects ?? [];
            var next = page.IsTruncated == true ? page.NextContinuationToken : null;
            count = new BucketCount(count.Objects + objects.Count, count.Bytes + objects.Sum(o => o.Size ?? 0), next, next is null);
        }

        return count;
    }

    public async Task<bool> ObjectExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            var tagging = await s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket }, cancellationToken);
            return (tagging.TagSet ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "NoSuchTagSet" or "NoSuchBucket")
        {
            return new Dictionary<string, string>();
        }
    }

    public async Task<IReadOnlyList<ScratchListing>> ListAsync(string scratchPrefix, CancellationToken cancellationToken)
    {
        var listed = await s3.ListBucketsAsync(new ListBucketsRequest { Prefix = scratchPrefix }, cancellationToken);
        var found = new List<ScratchListing>();
        foreach (var bucket in (listed.Buckets ?? []).Where(b => b.BucketName.StartsWith(scratchPrefix, StringComparison.Ordinal)))
        {
            found.Add(new ScratchListing(bucket.BucketName, $"arn:aws:s3:::{bucket.BucketName}", await GetTagsAsync(bucket.BucketName, cancellationToken)));
        }

        return found;
    }

    public async Task<DeleteOutcome> DeleteAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            // A restored bucket may be versioned: every version and delete marker must go before the bucket can.
            await foreach (var page in s3.Paginators.ListVersions(new ListVersionsRequest { BucketName = bucket }).Responses.WithCancellation(cancellationToken))
            {
                var versions = page.Versions ?? [];
                foreach (var chunk in versions.Chunk(1000))
                {
                    var deleted = await s3.DeleteObjectsAsync(
                        new DeleteObjectsRequest { BucketName = bucket, Objects = chunk.Select(v => new KeyVersion { Key = v.Key, VersionId = v.VersionId }).ToList(), Quiet = true },
                        cancellationToken);
                    if (deleted.DeleteErrors is { Count: > 0 } errors)
                    {
                        throw new InvalidOperationException($"S3 refused to delete {errors.Count} object(s) of '{bucket}', e.g. {errors[0].Key}: {errors[0].Code}");
                    }
                }
            }

            await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket }, cancellationToken);
            return DeleteOutcome.Deleted;
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchBucket")
        {
            return DeleteOutcome.AlreadyGone;
        }
    }
}
