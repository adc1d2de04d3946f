using DrillRunner.Aws.S3;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Local.AwsWorld;

namespace DrillRunner.Aws.Tests;

/// <summary>The S3 adapter through the real AWSSDK.S3 client, against the local S3: paged counts that resume, sentinels, tags, emptying and deleting.</summary>
public sealed class S3BucketsTests : IAsyncLifetime
{
    private LocalS3 _s3 = null!;
    private S3Buckets _buckets = null!;

    public async Task InitializeAsync()
    {
        _s3 = await LocalS3.StartAsync(CancellationToken.None);
        _buckets = new S3Buckets(_s3.CreateClient());
    }

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    [Fact]
    public async Task Count_ResumesFromItsCheckpoint_AcrossPages_AndAddsEveryObjectsBytes()
    {
        _s3.PageSize = 100;
        var bucket = _s3.CreateBucket("drill-run-invoices");
        for (var i = 0; i < 250; i++)
        {
            bucket.Put($"k/{i:D3}", i);
        }

        var pages = 0;
        var partial = await _buckets.ContinueCountAsync("drill-run-invoices", BucketCount.Start, () => pages++ >= 1, default);
        var done = await _buckets.ContinueCountAsync("drill-run-invoices", partial, () => false, default);

        Assert.Equal((100L, false), (partial.Objects, partial.Done));
        Assert.NotNull(partial.ContinuationToken);
        Assert.Equal((250L, Enumerable.Range(0, 250).Sum(i => (long)i), true), (done.Objects, done.Bytes, done.Done));
    }

    [Fact]
    public async Task Sentinels_AndTags_AreReadAsS3AnswersThem()
    {
        var bucket = _s3.CreateBucket("drill-run-reports");
        bucket.Put("2026/year-end.xlsx", 10);
        bucket.Tags["drill:run-id"] = "run";

        Assert.True(await _buckets.ObjectExistsAsync("drill-run-reports", "2026/year-end.xlsx", default));
        Assert.False(await _buckets.ObjectExistsAsync("drill-run-reports", "2026/missing.xlsx", default));
        Assert.Equal("run", (await _buckets.GetTagsAsync("drill-run-reports", default))["drill:run-id"]);
        Assert.Empty(await _buckets.GetTagsAsync("drill-run-nothing-here", default));
        Assert.Equal(["drill-run-reports"], (await _buckets.ListAsync("drill-", default)).Select(b => b.Name));
    }

    [Fact]
    public async Task Delete_EmptiesTheBucketFirst_AndAGoneBucketIsAlreadyGone()
    {
        var bucket = _s3.CreateBucket("drill-run-exports");
        for (var i = 0; i < 30; i++)
        {
            bucket.Put($"e/{i}", 1);
        }

        Assert.Equal(DeleteOutcome.Deleted, await _buckets.DeleteAsync("drill-run-exports", default));
        Assert.False(_s3.Exists("drill-run-exports"));
        Assert.Equal(DeleteOutcome.AlreadyGone, await _buckets.DeleteAsync("drill-run-exports", default));
    }
}
