using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.Hosting;

/// <summary>Waits for a table that local mode itself created (dynalite makes new tables CREATING for a moment).</summary>
public static class TableWaits
{
    /// <summary>The key of the tables local mode seeds: one string partition key.</summary>
    public const string KeyAttribute = "pk";

    /// <summary>Creates an on-demand table keyed by <see cref="KeyAttribute"/> (a string) and waits until it is ACTIVE.</summary>
    public static async Task CreateKeyedTableAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        await dynamoDb.CreateTableAsync(
            new CreateTableRequest
            {
                TableName = tableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [new KeySchemaElement(KeyAttribute, KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition(KeyAttribute, ScalarAttributeType.S)],
            },
            cancellationToken);
        await UntilActiveAsync(dynamoDb, tableName, cancellationToken);
    }

    public static async Task UntilActiveAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        while ((await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Until DynamoDB no longer knows the table (a deleted table is DELETING for a while), as CloudFormation waits before it reports the resource deleted.</summary>
    public static async Task UntilGoneAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken);
                await Task.Delay(20, cancellationToken);
            }
        }
        catch (ResourceNotFoundException)
        {
            // Gone.
        }
    }
}
