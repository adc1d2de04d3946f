using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.Selection;
using DrillRunner.Core.Kinds;
using DrillRunner.Local.AwsWorld;

namespace DrillRunner.Aws.Tests;

/// <summary>The selection adapter through the real SDK clients, against the stand-in and the local S3: every page of every listing, tags, regions.</summary>
public sealed class SelectableResourcesTests(StandInFixture fixture) : IClassFixture<StandInFixture>, IAsyncLifetime
{
    private LocalS3 _s3 = null!;

    public async Task InitializeAsync() => _s3 = await LocalS3.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    [Fact]
    public async Task Tables_EveryPageIsListed_AndEveryPageOfTagsRead()
    {
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add(await fixture.CreateTableAsync("sel", 0));
        }

        var tags = Enumerable.Range(0, 25).Select(i => new Tag { Key = $"k{i:D2}", Value = $"v{i}" }).ToList();
        var arn = (await fixture.Client.DescribeTableAsync(names[0])).Table.TableArn;
        await fixture.Client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = tags });
        var selectable = new AwsSelectableResources(fixture.Client, null, null) { TablePageSize = 2 };

        var listed = await selectable.ListNamesAsync(RestoreKinds.DynamoDbTable, default);
        var described = await selectable.DescribeAsync(RestoreKinds.DynamoDbTable, names[0], default);

        Assert.Superset(names.ToHashSet(), listed.ToHashSet());
        Assert.Equal(arn, described!.Arn);
        Assert.Equal(25, described.Tags.Count);
        Assert.Equal("v24", described.Tags["k24"]);
        Assert.Null(await selectable.DescribeAsync(RestoreKinds.DynamoDbTable, "never-made", default));
    }

    [Fact]
    public async Task Buckets_EveryPageOfTheStacksRegion_WithTags_AndNoTagSetIsNoTags()
    {
        for (var i = 0; i < 5; i++)
        {
            _s3.CreateBucket($"shop-{i}").Tags["app"] = "shop";
        }

        _s3.CreateBucket("shop-untagged");
        _s3.CreateBucket("shop-elsewhere").Region = "eu-west-1";
        _s3.BucketPageSize = 2;
        var selectable = new AwsSelectableResources(fixture.Client, _s3.CreateClient(), LocalS3.Region);

        var listed = await selectable.ListNamesAsync(RestoreKinds.S3Bucket, default);

        Assert.Equal(["shop-0", "shop-1", "shop-2", "shop-3", "shop-4", "shop-untagged"], listed.Order(StringComparer.Ordinal));
        Assert.Equal("shop", (await selectable.DescribeAsync(RestoreKinds.S3Bucket, "shop-3", default))!.Tags["app"]);
        var untagged = await selectable.DescribeAsync(RestoreKinds.S3Bucket, "shop-untagged", default);
        Assert.Equal(("arn:aws:s3:::shop-untagged", 0), (untagged!.Arn, untagged.Tags.Count));
        Assert.Null(await selectable.DescribeAsync(RestoreKinds.S3Bucket, "shop-gone", default));
    }
}
