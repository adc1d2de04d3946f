using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.RunStore;
using DrillRunner.Local.Processes;
using DrillRunner.Local.StandIn;

namespace DrillRunner.Aws.Tests;

/// <summary>dynalite and the stand-in, shared by a test class; each test makes tables of its own names.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    private DynaliteProcess? _dynalite;
    private int _tables;

    public LocalDynamoDbStandIn StandIn { get; private set; } = null!;

    /// <summary>The real AWSSDK client, pointed at the stand-in.</summary>
    public IAmazonDynamoDB Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dynalite = await DynaliteProcess.StartAsync(null, CancellationToken.None);
        StandIn = await LocalDynamoDbStandIn.StartAsync(_dynalite.Url, TimeProvider.System, CancellationToken.None);
        Client = StandIn.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await StandIn.DisposeAsync();
        await _dynalite!.DisposeAsync();
    }

    public string NewName(string stem) => $"{stem}-{Interlocked.Increment(ref _tables)}";

    /// <summary>A runs table of its own name (pk and sk, as the stack creates it), ACTIVE.</summary>
    public async Task<string> CreateRunsTableAsync()
    {
        var name = NewName("runs");
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement(RunsTableKeys.PartitionKeyName, KeyType.HASH), new KeySchemaElement(RunsTableKeys.SortKeyName, KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition(RunsTableKeys.PartitionKeyName, ScalarAttributeType.S), new AttributeDefinition(RunsTableKeys.SortKeyName, ScalarAttributeType.S)],
        });
        while ((await Client.DescribeTableAsync(name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20);
        }

        return name;
    }

    /// <summary>A table keyed by pk (string), optionally with a GSI on "customer", filled with <paramref name="items"/> items.</summary>
    public async Task<string> CreateTableAsync(string stem, int items, int paddingBytes = 0, bool withIndex = false)
    {
        var name = NewName(stem);
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        };
        if (withIndex)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition("customer", ScalarAttributeType.S));
            request.GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex { IndexName = "by-customer", KeySchema = [new KeySchemaElement("customer", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } },
            ];
        }

        await Client.CreateTableAsync(request);
        while ((await Client.DescribeTableAsync(name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20);
        }

        await PutItemsAsync(name, 0, items, paddingBytes);
        return name;
    }

    public async Task PutItemsAsync(string table, int first, int count, int paddingBytes = 0)
    {
        var padding = new string('x', paddingBytes);
        var items = Enumerable.Range(first, count).Select(n => new Dictionary<string, AttributeValue>
        {
            ["pk"] = new AttributeValue { S = $"item#{n:D6}" },
            ["customer"] = new AttributeValue { S = $"c{n % 3}" },
            ["n"] = new AttributeValue { N = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["pad"] = new AttributeValue { S = padding + "." },
        });
        await DrillRunner.Aws.DynamoDb.BatchPuts.PutAllAsync(Client, table, items, parallelism: 1, default);
    }

    /// <summary>Deletes a table and returns once DynamoDB no longer knows it (a table is DELETING for a while first).</summary>
    public async Task DeleteTableAsync(string table)
    {
        await Client.DeleteTableAsync(table);
        await DrillRunner.Local.Hosting.TableWaits.UntilGoneAsync(Client, table, CancellationToken.None);
    }

    public Task EnablePitrAsync(string table) => Client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
    {
        TableName = table,
        PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
    });
}
