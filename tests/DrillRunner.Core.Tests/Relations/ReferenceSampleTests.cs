using DrillRunner.Core.Relations;

namespace DrillRunner.Core.Tests.Relations;

public sealed class ReferenceSampleTests
{
    private static FakeRelationReader Orders(int count)
    {
        var reader = new FakeRelationReader();
        reader.Tables["orders"] = Enumerable.Range(0, count).Select(i => FakeRelationReader.Item($"O-{i}", "customerId", $"C-{i}")).ToList();
        return reader;
    }

    private static Task<ReferenceSample> Draw(FakeRelationReader reader, int size, long? count, int seed) =>
        ReferenceSample.DrawAsync(reader, "orders", "customerId", size, count, seed, () => false, CancellationToken.None);

    [Fact]
    public async Task DrawAsync_TheSameSeed_DrawsTheSameItems_AnotherSeedOthers()
    {
        var first = await Draw(Orders(10_000), 100, 10_000, seed: 42);
        var again = await Draw(Orders(10_000), 100, 10_000, seed: 42);
        var other = await Draw(Orders(10_000), 100, 10_000, seed: 43);

        Assert.Equal(100, first.Values.Count);
        Assert.Equal(first.Values, again.Values);
        Assert.NotEqual(first.Values, other.Values);
        Assert.False(first.WholeTable);
    }

    [Fact]
    public async Task DrawAsync_ALargeTable_ReadsAboutFourTimesTheSampleFromRandomSegments()
    {
        var reader = Orders(10_000);

        var sample = await Draw(reader, 100, 10_000, seed: 7);

        Assert.InRange(sample.ItemsRead, 400, 450);
        Assert.All(reader.SegmentReads, r => Assert.Equal(200, r.TotalSegments));
        Assert.Equal(reader.SegmentReads.Count, reader.SegmentReads.Select(r => r.Segment).Distinct().Count());
        Assert.NotEqual(Enumerable.Range(0, reader.SegmentReads.Count), reader.SegmentReads.Select(r => r.Segment));
    }

    [Fact]
    public async Task DrawAsync_ATableNoLargerThanTheSample_ChecksEveryItemInOneRead()
    {
        var reader = Orders(40);

        var sample = await Draw(reader, 1000, 40, seed: 1);

        Assert.True(sample.WholeTable);
        Assert.Equal(40, sample.Values.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"C-{i}").Order(StringComparer.Ordinal), sample.Values.Select(v => v!.Text).Order(StringComparer.Ordinal));
        Assert.Equal(("orders", 0, 1), Assert.Single(reader.SegmentReads));
    }

    [Fact]
    public async Task DrawAsync_EveryItemIsAboutEquallyLikelyToBeSampled()
    {
        // 200 draws of 10 from 100 items: each item is expected 20 times; a draw biased to some segments or to the
        // start of the read would leave items near 0 or far above.
        var reader = Orders(100);
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var seed = 0; seed < 200; seed++)
        {
            foreach (var value in (await Draw(reader, 10, 100, seed)).Values)
            {
                hits[value!.Text] = hits.GetValueOrDefault(value.Text) + 1;
            }
        }

        Assert.Equal(100, hits.Count);
        Assert.All(hits.Values, h => Assert.InRange(h, 5, 40));
    }

    [Fact]
    public async Task DrawAsync_AWholeRead_KeepsEveryItemAboutEquallyOften_NotTheLastOnesRead()
    {
        // With no verified count the table is read whole, in scan order, and the reservoir keeps 10 of 100: each item
        // is expected 30 times in 300 draws. A reservoir that favoured late items would leave the first ones near 0.
        var reader = Orders(100);
        var hits = new int[100];
        for (var seed = 0; seed < 300; seed++)
        {
            foreach (var value in (await Draw(reader, 10, null, seed)).Values)
            {
                hits[int.Parse(value!.Text[2..], System.Globalization.CultureInfo.InvariantCulture)]++;
            }
        }

        Assert.All(hits, h => Assert.InRange(h, 12, 55));
    }
}
