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

    /// <summary>
    /// A table of at most <paramref name="size"/> items is compared whole. Otherwise the sample is the
    /// first item of randomly chosen segments of a parallel scan into about two items per segment (at
    /// most <see cref="SampleSegments"/>): each segment is a slice of the hash key space, so the sample
    /// spans every partition instead of the first page's one. An empty segment is replaced by another
    /// draw, up to <see cref="SampleDrawsPerItem"/> draws per item; the same seed draws the same segments.
    /// </summary>
    public async Task<IReadOnlyList<ItemPair>> SamplePairsAsync(string restoredTable, string sourceTable, int size, int seed, long itemCount, CancellationToken cancellationToken)
    {
        var keySchema = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = sourceTable }, cancellationToken)).Table.KeySchema
            .Select(k => k.AttributeName)
            .ToList();
        var sampled = new List<Dictionary<string, AttributeValue>>();
        if (itemCount <= size)
        {
            var whole = new ScanRequest { TableName = restoredTable, Limit = size };
            await foreach (var page in dynamoDb.Paginators.Scan(whole).Responses.WithCancellation(cancellationToken))
            {
                sampled.AddRange(page.Items ?? []);
            }
        }
        else
        {
            var totalSegments = (int)Math.Min(SampleSegments, Math.Max(size, itemCount / 2));
            var random = new Random(seed);
            foreach (var segment in Enumerable.Range(0, totalSegments).OrderBy(_ => random.Next()).Take(size * SampleDrawsPerItem))
            {
                var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = restoredTable, Segment = segment, TotalSegments = totalSegments, Limit = 1 }, cancellationToken);
                sampled.AddRange(page.Items ?? []);
                if (sampled.Count >= size)
                {
                    break;
                }
            }
        }

        var pairs = new List<ItemPair>();
        foreach (var item in sampled)
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

    /// <summary>How many slices of the key space the sample draws from.</summary>
    public const int SampleSegments = 1000;

    /// <summary>How many segments may be drawn per sampled item before the sample settles for fewer (a small table).</summary>
    public const int SampleDrawsPerItem = 4;

    public async Task<long?> SizeBytesAsync(string tableName, CancellationToken cancellationToken) =>
        (await DescribeAsync(tableName, cancellationToken))?.TableSizeBytes;

    public async Task<long?> ItemCountAsync(string tableName, CancellationToken cancellationToken) =>
        (await DescribeAsync(tableName, cancellationToken))?.ItemCount;

    public async Task<Core.Ports.TableRecoverySettings> RecoverySettingsAsync(string tableName, CancellationToken cancellationToken)
    {
        var table = await DescribeAsync(tableName, cancellationToken) ?? throw new ResourceNotFoundException($"Table {tableName} not found");
        var ttl = (await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken)).TimeToLiveDescription;
        var pitr = (await dynamoDb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = tableName }, cancellationToken)).ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        var tags = await TableTags.ReadAsync(dynamoDb, table.TableArn, cancellationToken);

        return new Core.Ports.TableRecoverySettings(
            ttl?.TimeToLiveStatus == TimeToLiveStatus.ENABLED || ttl?.TimeToLiveStatus == TimeToLiveStatus.ENABLING ? ttl.AttributeName : null,
            table.StreamSpecification is { StreamEnabled: true } stream ? stream.StreamViewType?.Value : null,
            pitr?.PointInTimeRecoveryStatus == PointInTimeRecoveryStatus.ENABLED,
            table.DeletionProtectionEnabled == true,
            tags);
    }

    private async Task<TableDescription?> DescribeAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Scans one segment page by page; always makes at least one page of progress before checking the budget.</summary>
    private async Task<SegmentProgress> ContinueSegmentAsync(string tableName, SegmentProgress progress, int totalSegments, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var count = progress.Count;
        var readUnits = progress.ReadUnits;
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
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                },
                cancellationToken);
            count += page.Count ?? 0;
            readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
            lastKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (lastKey is not null && !outOfTime());

        return new SegmentProgress(progress.Segment, count, ScanKeys.Write(lastKey), Done: lastKey is null, readUnits);
    }
}
