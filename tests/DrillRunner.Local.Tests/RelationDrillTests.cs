using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Tests;

/// <summary>Relations checked on the restored tables by the real state machine's CheckRelations state, on the stand-in.</summary>
public sealed class RelationDrillTests
{
    private const string Plan = """
        { "name": "shop", "objectives": { "rtoMinutes": 30, "rpoMinutes": 30 }, "scratchPrefix": "drill-",
          "targets": [
            { "id": "orders", "type": "dynamodb", "tableName": "shop-orders", "restoreFrom": "pitr" },
            { "id": "customers", "type": "dynamodb", "tableName": "shop-customers", "restoreFrom": "pitr" }
          ],
          "relations": [
            { "id": "order-customer", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" }, "sampleSize": 1000 },
            { "id": "orders-per-customer", "countRatio": { "target": "orders", "atLeast": 2, "per": "customers" } }
          ] }
        """;

    [Fact]
    public async Task ADrill_WhoseOrdersAllNameARestoredCustomer_Passes_AndRecordsBothRelations()
    {
        var (run, targets) = await DrillAsync(dangling: 0);

        Assert.Equal(Verdict.Pass, run.Verdict);
        var reference = Assert.Single(run.Relations, r => r.RelationId == "order-customer");
        Assert.True(reference.Passed, reference.Why);
        Assert.Equal(60, reference.References);
        Assert.Equal(5, reference.MissingAttribute);
        Assert.True(reference.WholeTable);
        Assert.NotNull(reference.Seed);
        var ratio = Assert.Single(run.Relations, r => r.RelationId == "orders-per-customer");
        Assert.True(ratio.Passed, ratio.Why);
        Assert.Equal(65, ratio.Count);
        AssertTornDown(run, targets);
    }

    [Fact]
    public async Task ADrill_WithOrdersNamingCustomersTheRestoreLacks_Fails_SayingHowManyAndWhich()
    {
        var (run, targets) = await DrillAsync(dangling: 3);

        Assert.Equal(Verdict.Fail, run.Verdict);
        var reference = Assert.Single(run.Relations, r => r.RelationId == "order-customer");
        Assert.Equal(3, reference.Dangling);
        Assert.Equal(["GONE-0", "GONE-1", "GONE-2"], reference.Examples.Order(StringComparer.Ordinal));
        Assert.Contains("relation 'order-customer' does not hold: 3 of 63 orders items (the whole table) name a customers item that is not in the restored customers table", run.VerdictReason, StringComparison.Ordinal);
        AssertTornDown(run, targets);
    }

    private static async Task<(DrillRun Run, IReadOnlyList<TargetRun> Targets)> DrillAsync(int dangling)
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        var db = local.DynamoDb;
        await CreateAsync(db, "shop-customers", Enumerable.Range(0, 20).Select(n => Item($"C{n:D3}")));
        // 60 orders name customers C000..C019; 5 name none (no customerId: counted as missing); `dangling` name a customer that never existed.
        var orders = Enumerable.Range(0, 60).Select(n => Item($"O{n:D3}", $"C{n % 20:D3}"))
            .Concat(Enumerable.Range(0, 5).Select(n => Item($"N{n:D3}")))
            .Concat(Enumerable.Range(0, dangling).Select(n => Item($"X{n:D3}", $"GONE-{n}")));
        await CreateAsync(db, "shop-orders", orders);
        await local.ApplyPlanAsync(Plan, TimeProvider.System, default);

        var execution = await local.RunDrillAsync(new BeginRequest("shop", "test", null, null, null), null, default);
        var runId = Assert.IsType<string>(execution.RunId);
        Assert.Contains("CheckRelations", local.Functions.Invocations);
        return (await local.Services.Runs.GetAsync(runId, default), await local.Services.Runs.GetTargetsAsync(runId, default));
    }

    private static void AssertTornDown(DrillRun run, IReadOnlyList<TargetRun> targets)
    {
        Assert.Equal(RunStatus.TornDown, run.Status);
        Assert.All(targets, t => Assert.True(t.Scratch!.TornDown, $"{t.TargetId}: {t.Scratch.TeardownNote}"));
    }

    private static Dictionary<string, AttributeValue> Item(string pk, string? customerId = null)
    {
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = pk } };
        if (customerId is not null)
        {
            item["customerId"] = new AttributeValue { S = customerId };
        }

        return item;
    }

    private static async Task CreateAsync(IAmazonDynamoDB db, string table, IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        await db.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        await TableWaits.UntilActiveAsync(db, table, default);
        await BatchPuts.PutAllAsync(db, table, items, parallelism: 1, default);
        await db.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = table, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } });
    }
}
