using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Relations;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>
/// Reads restored tables for the plan's relations: a projected scan of the referring attribute, and lookups of the
/// referenced keys (BatchGetItem of up to 100 keys; a Query of Limit 1 per key where the table has a sort key). Reads only.
/// </summary>
public sealed class DynamoDbRelationReader(IAmazonDynamoDB dynamoDb) : IRelationReader
{
    /// <summary>DynamoDB's most keys in one BatchGetItem.</summary>
    public const int BatchGetKeys = 100;

    public async Task<TableKey> KeyOfAsync(string table, CancellationToken cancellationToken)
    {
        var description = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken)).Table;
        var hash = description.KeySchema.Single(k => k.KeyType == KeyType.HASH).AttributeName;
        var type = description.AttributeDefinitions.Single(d => d.AttributeName == hash).AttributeType;
        return new TableKey(hash, type == ScalarAttributeType.N, description.KeySchema.Any(k => k.KeyType == KeyType.RANGE));
    }

    public async Task<IReadOnlyList<KeyValue?>> ReadSegmentAsync(string table, string attribute, int segment, int totalSegments, CancellationToken cancellationToken)
    {
        var values = new List<KeyValue?>();
        Dictionary<string, AttributeValue>? lastKey = null;
        do
        {
            var request = new ScanRequest
            {
                TableName = table,
                ProjectionExpression = "#a",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = attribute },
                ExclusiveStartKey = lastKey,
            };
            if (totalSegments > 1)
            {
                request.Segment = segment;
                request.TotalSegments = totalSegments;
            }

            var page = await dynamoDb.ScanAsync(request, cancellationToken);
            values.AddRange((page.Items ?? []).Select(item => item.TryGetValue(attribute, out var value) ? Reference(value) : null));
            lastKey = page.LastEvaluatedKey;
        }
        while (lastKey is { Count: > 0 });

        return values;
    }

    public async Task<IReadOnlySet<KeyValue>> ExistingAsync(string table, TableKey key, IReadOnlyCollection<KeyValue> values, CancellationToken cancellationToken)
    {
        // A reference of the wrong type for the key (or a number that is not one) can name no item.
        var lookups = values.Select(v => (Value: v, Attribute: AsKey(v, key))).Where(l => l.Attribute is not null).ToList();
        var found = new HashSet<KeyValue>();
        if (key.HasSortKey)
        {
            foreach (var (value, attribute) in lookups)
            {
                var page = await dynamoDb.QueryAsync(
                    new QueryRequest
                    {
                        TableName = table,
                        KeyConditionExpression = "#k = :v",
                        ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = key.PartitionKey },
                        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = attribute! },
                        ProjectionExpression = "#k",
                        Limit = 1,
                        ConsistentRead = true,
                    },
                    cancellationToken);
                if (page.Items is { Count: > 0 })
                {
                    found.Add(value);
                }
            }

            return found;
        }

        foreach (var batch in lookups.Chunk(BatchGetKeys))
        {
            var byText = batch.ToDictionary(l => Canonical(l.Attribute!), l => l.Value, StringComparer.Ordinal);
            var keys = batch.Select(l => new Dictionary<string, AttributeValue> { [key.PartitionKey] = l.Attribute! }).ToList();
            var request = new Dictionary<string, KeysAndAttributes>
            {
                [table] = new() { Keys = keys, ProjectionExpression = "#k", ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = key.PartitionKey }, ConsistentRead = true },
            };
            while (request.Count > 0)
            {
                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = request }, cancellationToken);
                foreach (var item in response.Responses?.GetValueOrDefault(table) ?? [])
                {
                    if (item.TryGetValue(key.PartitionKey, out var got) && byText.TryGetValue(Canonical(got), out var value))
                    {
                        found.Add(value);
                    }
                }

                request = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }

        return found;
    }

    private static KeyValue? Reference(AttributeValue value) =>
        value.S is not null ? new KeyValue(value.S, false) : value.N is not null ? new KeyValue(value.N, true) : null;

    /// <summary>The reference as the key's type: a string key takes the text of either; a number key only a number (normalised, as DynamoDB stores it).</summary>
    private static AttributeValue? AsKey(KeyValue value, TableKey key)
    {
        if (!key.IsNumber)
        {
            return new AttributeValue { S = value.Text };
        }

        return decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new AttributeValue { N = number.ToString("G29", CultureInfo.InvariantCulture) }
            : null;
    }

    /// <summary>DynamoDB answers a number key as it stores it ("1", not "1.0"): compare numbers by value.</summary>
    private static string Canonical(AttributeValue value) =>
        value.N is { } n && decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? "N:" + number.ToString("G29", CultureInfo.InvariantCulture)
            : "S:" + value.S;
}
