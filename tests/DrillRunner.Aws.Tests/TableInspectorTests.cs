using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Plans;

namespace DrillRunner.Aws.Tests;

public sealed class TableInspectorTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    [Fact]
    public async Task CountItems_TableSpanningManyScanPages_CountsEveryItemExactly()
    {
        // 3,000 items of ~1.5 KB: about 4.5 MB, several 1 MB scan pages per segment.
        var table = await fixture.CreateTableAsync("count", 3_000, paddingBytes: 1_500);
        var firstPage = await fixture.Client.ScanAsync(new ScanRequest { TableName = table, Select = Amazon.DynamoDBv2.Select.COUNT });
        Assert.True(firstPage.LastEvaluatedKey is { Count: > 0 }, "the table must span more than one scan page for this test to mean anything");

        foreach (var segments in new[] { 1, 4, 7 })
        {
            Assert.Equal(3_000, await new DynamoDbTableInspector(fixture.Client).CountItemsAsync(table, segments, default));
        }
    }

    [Fact]
    public async Task ContinueCount_StoppedAfterEveryPage_ResumesToTheExactCount()
    {
        var table = await fixture.CreateTableAsync("resume", 3_000, paddingBytes: 1_500);
        var inspector = new DynamoDbTableInspector(fixture.Client);
        var checkpoint = DrillRunner.Core.Runs.ScanCheckpoint.Start(2);
        var calls = 0;

        while (!checkpoint.IsComplete && calls < 100)
        {
            // Out of time at once: each call still makes one page of progress per unfinished segment.
            checkpoint = await inspector.ContinueCountAsync(table, checkpoint, () => true, default);
            calls++;
        }

        Assert.True(checkpoint.IsComplete);
        Assert.True(calls > 1, "a 4.5 MB table needs several 1 MB pages");
        Assert.Equal(3_000, checkpoint.Count);
    }

    [Fact]
    public async Task ItemExists_FindsPresentKeysOnly()
    {
        var table = await fixture.CreateTableAsync("exists", 10);
        var inspector = new DynamoDbTableInspector(fixture.Client);

        Assert.True(await inspector.ItemExistsAsync(table, Key("item#000003"), default));
        Assert.False(await inspector.ItemExistsAsync(table, Key("item#999999"), default));
    }

    [Fact]
    public async Task SamplePairs_PairsEachRestoredItemWithTheSourcesCurrentItem()
    {
        var source = await fixture.CreateTableAsync("sample-src", 20);
        var copy = await fixture.CreateTableAsync("sample-copy", 20);
        await fixture.Client.PutItemAsync(source, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "item#000004" },
            ["customer"] = new() { S = "changed" },
            ["n"] = new() { N = "4" },
            ["pad"] = new() { S = "." },
        });
        await fixture.Client.DeleteItemAsync(source, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "item#000005" } });

        var pairs = await new DynamoDbTableInspector(fixture.Client).SamplePairsAsync(copy, source, 20, seed: 7, itemCount: 20, default);

        Assert.Equal(20, pairs.Count);
        Assert.Null(Assert.Single(pairs, p => p.KeyText.Contains("item#000005", StringComparison.Ordinal)).Source);
        var changed = Assert.Single(pairs, p => p.KeyText.Contains("item#000004", StringComparison.Ordinal));
        Assert.False(changed.Restored.SameAs(changed.Source!));
        Assert.Equal(18, pairs.Count(p => p.Source is not null && p.Restored.SameAs(p.Source)));
    }

    [Fact]
    public async Task SamplePairs_OfALargerTable_SpanTheKeySpace_AndTheSameSeedDrawsTheSameSample()
    {
        var table = await fixture.CreateTableAsync("sample-spread", 400);
        var inspector = new DynamoDbTableInspector(fixture.Client);
        var firstPage = (await fixture.Client.ScanAsync(new ScanRequest { TableName = table, Limit = 20 })).Items.Select(i => i["pk"].S).ToHashSet();

        var sample = (await inspector.SamplePairsAsync(table, table, 20, seed: 42, itemCount: 400, default)).Select(p => p.KeyText).ToList();
        var again = (await inspector.SamplePairsAsync(table, table, 20, seed: 42, itemCount: 400, default)).Select(p => p.KeyText).ToList();
        var other = (await inspector.SamplePairsAsync(table, table, 20, seed: 43, itemCount: 400, default)).Select(p => p.KeyText).ToList();

        Assert.True(sample.Count >= 15, $"{sample.Count} items sampled of 20 asked");
        Assert.Equal(sample, again);
        Assert.NotEqual(sample, other);
        // Not the first page's run of items: most of the sample comes from elsewhere in the key space.
        Assert.True(sample.Count(k => firstPage.Any(f => k.Contains(f, StringComparison.Ordinal))) < sample.Count / 2, string.Join(", ", sample));
    }

    private static Dictionary<string, KeyValue> Key(string pk) => new() { ["pk"] = new KeyValue(pk, false) };
}
