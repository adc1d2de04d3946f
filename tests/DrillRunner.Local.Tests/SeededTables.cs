using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Tests;

/// <summary>Source tables for local drills: on demand, keyed by "pk", filled with numbered items.</summary>
internal static class SeededTables
{
    public static async Task CreateAsync(IAmazonDynamoDB dynamoDb, string table, int items, string keyPrefix)
    {
        await dynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        await TableWaits.UntilActiveAsync(dynamoDb, table, CancellationToken.None);
        var entries = Enumerable.Range(0, items).Select(n => new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = $"{keyPrefix}{n:D3}" } });
        await BatchPuts.PutAllAsync(dynamoDb, table, entries, parallelism: 1, CancellationToken.None);
    }
}
