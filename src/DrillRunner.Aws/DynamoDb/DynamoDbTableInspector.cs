using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>
/// Counts exactly with a parallel Select=COUNT scan: DescribeTable's ItemCount lags by about six
/// hours, so it cannot verify a restore made minutes ago. Reads only.
/// </summary>
public sealed class DynamoDbTableInspector(IAmazonDynamoDB dynamoDb) : ITableInspector
{
    public async Task<long> CountItemsAsync(string tableName, int segments, CancellationToken cancellationToken) =>
        (await ContinueCountAsync(tableName, ScanCheckpoint.Start(segments), () => false, cancellationToken)).Count;

    public async Task<ScanCheckpoint> ContinueCountAsync(string tableName, ScanCheckpoint checkpoint, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var total = checkpoint.Segments.Count;
        var segments = await Task.WhenAll(checkpoint.Segments.Select(segment =>
            segment.Done ? Task.FromResult(segment) : ContinueSegmentAsync(tableName, segment, total, outOfTime, cancellationToken)));
        return new ScanCheckpoint(segments);
    }

    public async Task<bool> ItemExistsAsync(string tableName, IReadOnlyDictionary<string, KeyValue> key, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = CanonicalItem.Key(key), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 };
    }

    public async Task<IReadOnlyList<ItemPair>> SamplePairsAsync(string restoredTable, string sourceTable, int size, CancellationToken cancellationToken)
    {
        var keySchema = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = sourceTable }, cancellationToken)).Table.KeySchema
            .Select(k => k.AttributeName)
            .ToList();
        var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = restoredTable, Limit = size }, cancellationToken);
        var pairs = new List<ItemPair>();
        foreach (var item in page.Items ?? [])
        {
            var key = keySchema.ToDictionary(name => name, name => item[name], StringComparer.Ordinal);
            var source = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = sourceTable, Key = key, ConsistentRead = true }, cancellationToken);
            pairs.Add(new ItemPair(
                CanonicalItem.KeyText(key),
                CanonicalItem.Snapshot(item),
                source.Item is { Count: > 0 } ? CanonicalItem.Snapshot(source.Item) : null));
        }

        return pairs;
    }

    /// <summary>Scans one segment page by page; always makes at least one page of progress before checking the budget.</summary>
    private async Task<SegmentProgress> ContinueSegmentAsync(string tableName, SegmentProgress progress, int totalSegments, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var count = progress.Count;
        var lastKey = ScanKeys.Read(progress.ResumeAfter);
        do
        {
            var page = await dynamoDb.ScanAsync(
                new ScanRequest
                {
                    TableName = tableName,
                    Select = Select.COUNT,
                    Segment = progress.Segment,
                    TotalSegments = totalSegments,
                    ExclusiveStartKey = lastKey,
                },
                cancellationToken);
            count += page.Count ?? 0;
            lastKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (lastKey is not null && !outOfTime());

        return new SegmentProgress(progress.Segment, count, ScanKeys.Write(lastKey), Done: lastKey is null);
    }
}
