using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;

using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Demo;

/// <summary>The demo's production stand-in: an orders table with enough items to span several scan pages.</summary>
public static class DemoData
{
    public const string SourceTable = "shop-orders";
    public const string SentinelOrder = "ORDER#000001";
    public const string LastSentinelOrder = "ORDER#020000";
    public const string CustomersTable = "shop-customers";
    public const int Orders = 20_000;
    public const int Customers = 500;

    public static async Task CreateSourceTableAsync(IAmazonDynamoDB dynamoDb, CancellationToken cancellationToken)
    {
        await dynamoDb.CreateTableAsync(
            new CreateTableRequest
            {
                TableName = SourceTable,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("customer", ScalarAttributeType.S)],
                GlobalSecondaryIndexes =
                [
                    new GlobalSecondaryIndex
                    {
                        IndexName = "by-customer",
                        KeySchema = [new KeySchemaElement("customer", KeyType.HASH)],
                        Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                    },
                ],
            },
            cancellationToken);
        await TableWaits.UntilActiveAsync(dynamoDb, SourceTable, cancellationToken);
    }

    /// <summary>The orders table's settings a restore does not bring back (DynamoDB documents it): what the demo's runbook gap shows.</summary>
    public const string ExpiresAttribute = "expiresAt";

    /// <summary>The tag every table of the shop carries, which the healthy demo's "select" rule finds them by.</summary>
    public const string AppTagKey = "app", AppTagValue = "shop";

    public static readonly IReadOnlyDictionary<string, string> OrdersTags = new Dictionary<string, string>
    {
        [AppTagKey] = AppTagValue, ["team"] = "checkout", ["service"] = "orders", ["env"] = "prod", ["cost-center"] = "cc-1042", ["data-class"] = "confidential", ["owner"] = "orders-oncall",
    };

    /// <summary>Application Auto Scaling's policies of the orders table (the local AWS world answers them).</summary>
    public static readonly IReadOnlyList<string> OrdersScalingPolicies = ["orders-read-target-tracking", "orders-write-target-tracking"];

    /// <summary>TTL on expiresAt, a NEW_IMAGE stream (it feeds order-events), seven tags and deletion protection on the orders table.</summary>
    public static async Task ConfigureOrdersAsync(IAmazonDynamoDB dynamoDb, CancellationToken cancellationToken)
    {
        await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = SourceTable, TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = ExpiresAttribute } }, cancellationToken);
        await dynamoDb.UpdateTableAsync(new UpdateTableRequest { TableName = SourceTable, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE }, DeletionProtectionEnabled = true }, cancellationToken);
        var arn = (await dynamoDb.DescribeTableAsync(SourceTable, cancellationToken)).Table.TableArn;
        await dynamoDb.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [.. OrdersTags.Select(t => new Tag { Key = t.Key, Value = t.Value })] }, cancellationToken);
    }

    /// <summary>Writes orders numbered <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static async Task SeedOrdersAsync(IAmazonDynamoDB dynamoDb, int first, int last, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        var stamp = updatedAt.ToString("O", CultureInfo.InvariantCulture);
        await BatchPuts.PutAllAsync(dynamoDb, SourceTable, Enumerable.Range(first, last - first + 1).Select(n => Order(n, stamp)), parallelism: 4, cancellationToken);
    }

    /// <summary>A small second table, so the demo shows targets restored in parallel and failing independently; tagged as the shop's.</summary>
    public static async Task CreateCustomersAsync(IAmazonDynamoDB dynamoDb, CancellationToken cancellationToken)
    {
        await TableWaits.CreateKeyedTableAsync(dynamoDb, CustomersTable, cancellationToken);

        var customers = Enumerable.Range(0, Customers).Select(n => new Dictionary<string, AttributeValue>
        {
            ["pk"] = new AttributeValue { S = $"CUSTOMER#{n:D4}" },
            ["name"] = new AttributeValue { S = $"Customer {n}" },
            ["tier"] = new AttributeValue { S = n % 10 == 0 ? "gold" : "standard" },
        });
        await BatchPuts.PutAllAsync(dynamoDb, CustomersTable, customers, parallelism: 1, cancellationToken);
        var arn = (await dynamoDb.DescribeTableAsync(CustomersTable, cancellationToken)).Table.TableArn;
        await dynamoDb.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = AppTagKey, Value = AppTagValue }] }, cancellationToken);

        await EnablePitrAsync(dynamoDb, CustomersTable, cancellationToken);
    }

    public static async Task EnablePitrAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken) =>
        await dynamoDb.UpdateContinuousBackupsAsync(
            new UpdateContinuousBackupsRequest
            {
                TableName = tableName,
                PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
            },
            cancellationToken);

    /// <returns>The backup's ARN.</returns>
    public static async Task<string> CreateBackupAsync(IAmazonDynamoDB dynamoDb, CancellationToken cancellationToken) =>
        (await dynamoDb.CreateBackupAsync(new CreateBackupRequest { TableName = SourceTable, BackupName = "shop-orders-nightly" }, cancellationToken)).BackupDetails.BackupArn;

    /// <summary>The data-loss story: the only backup was made this long before the drill, at 15,000 orders; 5,000 came after it.</summary>
    public static readonly TimeSpan DataLossBackupAge = TimeSpan.FromHours(6);

    /// <summary>How many orders the data-loss backup holds.</summary>
    public const int OrdersInDataLossBackup = 15_000;

    private static Dictionary<string, AttributeValue> Order(int number, string updatedAt) => new()
    {
        ["pk"] = new AttributeValue { S = $"ORDER#{number:D6}" },
        ["customer"] = new AttributeValue { S = $"CUSTOMER#{number % 500:D4}" },
        ["total"] = new AttributeValue { N = ((number * 37 % 10000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture) },
        ["status"] = new AttributeValue { S = (number % 7) switch { 0 => "REFUNDED", 1 or 2 => "SHIPPED", _ => "DELIVERED" } },
        ["updatedAt"] = new AttributeValue { S = updatedAt },
    };
}
