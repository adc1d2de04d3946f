using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.Hosting;

/// <summary>Waits for a table that local mode itself created (dynalite makes new tables CREATING for a moment).</summary>
public static class TableWaits
{
    public static async Task UntilActiveAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        while ((await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
