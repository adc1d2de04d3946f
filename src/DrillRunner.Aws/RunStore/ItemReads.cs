using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static DrillRunner.Aws.RunStore.RunsTableKeys;

namespace DrillRunner.Aws.RunStore;

/// <summary>One runs-table item by its keys, read consistently (the run, lock and audit stores all read their own writes).</summary>
internal static class ItemReads
{
    /// <summary>The item, or null if there is none.</summary>
    public static async Task<Dictionary<string, AttributeValue>?> GetAsync(IAmazonDynamoDB dynamoDb, string tableName, string pk, string sk, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest
            {
                TableName = tableName,
                Key = new Dictionary<string, AttributeValue> { [PartitionKeyName] = new() { S = pk }, [SortKeyName] = new() { S = sk } },
                ConsistentRead = true,
            },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
