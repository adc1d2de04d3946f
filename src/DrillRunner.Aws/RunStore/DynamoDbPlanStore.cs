using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Ports;
using static DrillRunner.Aws.RunStore.RunsTableKeys;

namespace DrillRunner.Aws.RunStore;

/// <summary>Plans stored as versions under PLAN#name; a run records the version it used.</summary>
public sealed class DynamoDbPlanStore(IAmazonDynamoDB dynamoDb, string tableName) : IPlanStore
{
    public async Task<StoredPlan?> GetLatestAsync(string planName, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(
            new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = Plan(planName) } },
                ScanIndexForward = false,
                Limit = 1,
                ConsistentRead = true,
            },
            cancellationToken);
        var item = response.Items?.FirstOrDefault();
        return item is null
            ? null
            : new StoredPlan(planName, int.Parse(item["version"].N, CultureInfo.InvariantCulture), CompressedText.From(item) ?? item[Document].S);
    }

    public async Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken)
    {
        var query = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = PlanRegistry } },
        };
        var names = new List<string>();
        await foreach (var item in QueryPages.AllAsync(dynamoDb, query, cancellationToken))
        {
            names.Add(item[SortKeyName].S);
        }

        return names;
    }

    public async Task<int> SaveAsync(string planName, string planJson, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        // Optimistic: the next version number must still be free when written.
        while (true)
        {
            var version = ((await GetLatestAsync(planName, cancellationToken))?.Version ?? 0) + 1;
            try
            {
                await dynamoDb.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = tableName,
                        Item = new Dictionary<string, AttributeValue>
                        {
                            [PartitionKeyName] = new() { S = Plan(planName) },
                            [SortKeyName] = new() { S = PlanVersion(version) },
                            ["version"] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
                            ["savedAt"] = new() { S = savedAt.ToString("O", CultureInfo.InvariantCulture) },
                            [CompressedText.AttributeName] = CompressedText.Of(planJson),
                        },
                        ConditionExpression = "attribute_not_exists(pk)",
                    },
                    cancellationToken);
                await dynamoDb.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = tableName,
                        Item = new Dictionary<string, AttributeValue>
                        {
                            [PartitionKeyName] = new() { S = PlanRegistry },
                            [SortKeyName] = new() { S = planName },
                            ["version"] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
                        },
                    },
                    cancellationToken);
                return version;
            }
            catch (ConditionalCheckFailedException)
            {
                // Someone stored a version at the same moment: count again.
            }
        }
    }
}
