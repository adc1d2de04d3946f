using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Demo;

/// <summary>One of the two drills of the consistency demo: its run record and targets, and whether teardown left anything.</summary>
public sealed record ConsistencyDrill(string PlanName, DrillRun Run, IReadOnlyList<TargetRun> Targets, int ScratchLeft);

/// <summary>What `drill demo --scenario consistency` saw: the same shop drilled each target to its own newest point, then to one common instant.</summary>
public sealed record ConsistencyDemoOutcome(ConsistencyDrill Independent, ConsistencyDrill Common, int PairsWritten);

/// <summary>
/// `drill demo --scenario consistency`: the shop takes orders while it is drilled — each new customer
/// is written, then an order naming it. The customers table's point-in-time recovery runs further
/// behind now than the orders table's (AWS gives each table its own latest restorable time), so a
/// drill that restores each table to its own newest point gets orders whose customers are missing;
/// the same plan with <c>"recoveryInstant": "common"</c> restores both to one instant T, and the
/// relation orders.customer → customers.pk holds.
/// </summary>
public static class ConsistencyDemo
{
    public const string IndependentPlan = "shop-independent";
    public const string CommonPlan = "shop-common";
    public const string Relation = "order-customer";

    /// <summary>How far each table's latest restorable time runs behind now in this demo (AWS: typically about 5 minutes, per table).</summary>
    public static readonly TimeSpan CustomersLag = TimeSpan.FromSeconds(6);

    public static readonly TimeSpan OrdersLag = TimeSpan.FromSeconds(1);

    /// <summary>One new customer and its first order this often, for as long as the drills run.</summary>
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>The orders seeded before the shop starts taking new ones: few, so the relation is checked over every order.</summary>
    public const int SeededOrders = 2_000;

    public static async Task<ConsistencyDemoOutcome> RunAsync(TimeProvider time, Action<string> progress, CancellationToken cancellationToken)
    {
        progress("starting dynalite, the DynamoDB stand-in and the drill functions on 127.0.0.1");
        await using var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken);
        var db = environment.DynamoDb;
        progress($"seeding {DemoData.CustomersTable} with {DemoData.Customers} customers and {DemoData.SourceTable} with {SeededOrders:N0} orders naming them; point-in-time recovery on both");
        await DemoData.CreateSourceTableAsync(db, cancellationToken);
        await DemoData.CreateCustomersAsync(db, cancellationToken);
        await DemoData.EnablePitrAsync(db, DemoData.SourceTable, cancellationToken);
        await DemoData.SeedOrdersAsync(db, 1, SeededOrders, time.GetUtcNow(), cancellationToken);
        environment.StandIn.Faults.SetPitrLag(DemoData.CustomersTable, CustomersLag);
        environment.StandIn.Faults.SetPitrLag(DemoData.SourceTable, OrdersLag);
        progress($"latest restorable time: {DemoData.CustomersTable} {CustomersLag.TotalSeconds:0} s behind now, {DemoData.SourceTable} {OrdersLag.TotalSeconds:0} s");

        await environment.ApplyPlanAsync(PlanJson(IndependentPlan, common: false), time, cancellationToken);
        await environment.ApplyPlanAsync(PlanJson(CommonPlan, common: true), time, cancellationToken);

        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteOrdersAsync(db, time, stopWriting.Token);
        progress($"the shop takes a new customer and an order every {WriteEvery.TotalMilliseconds:0} ms while it is drilled");

        // Let the writes run past the longer lag, so each table's newest point holds different moments of the shop.
        await Task.Delay(CustomersLag + TimeSpan.FromSeconds(1), time, cancellationToken);
        var independent = await DrillAsync(environment, IndependentPlan, "each table to its own newest point", time, progress, cancellationToken);
        var common = await DrillAsync(environment, CommonPlan, "both tables to one common instant", time, progress, cancellationToken);

        await stopWriting.CancelAsync();
        var pairs = await writer;
        progress("stopping everything the demo started");
        return new ConsistencyDemoOutcome(independent, common, pairs);
    }

    /// <summary>The two plans differ in one field: recoveryInstant.</summary>
    public static string PlanJson(string name, bool common) => $$"""
        {
          "name": "{{name}}",
          "objectives": { "rtoMinutes": 10, "rpoMinutes": 5 },
          "scratchPrefix": "{{DemoPlan.ScratchPrefix}}",
          {{(common ? "\"recoveryInstant\": \"common\", \"maxSkewSeconds\": 1," : string.Empty)}}
          "targets": [
            { "id": "orders", "type": "dynamodb", "tableName": "{{DemoData.SourceTable}}", "restoreFrom": "pitr", "restore": { "withoutSecondaryIndexes": true } },
            { "id": "customers", "type": "dynamodb", "tableName": "{{DemoData.CustomersTable}}", "restoreFrom": "pitr" }
          ],
          "relations": [
            { "id": "{{Relation}}", "from": { "target": "orders", "attribute": "customer" }, "to": { "target": "customers", "key": "pk" }, "sampleSize": 10000 }
          ]
        }
        """;

    private static async Task<ConsistencyDrill> DrillAsync(LocalDrillEnvironment environment, string plan, string what, TimeProvider time, Action<string> progress, CancellationToken cancellationToken)
    {
        progress($"drilling plan '{plan}': {what}");
        var execution = await environment.RunDrillAsync(new BeginRequest(plan, "demo", "drill demo --scenario consistency", Environment.UserName, null), null, cancellationToken);
        if (execution.RunId is not { } runId)
        {
            throw new InvalidOperationException($"The drill of '{plan}' did not begin: {execution.Error}: {execution.Cause}");
        }

        var run = await environment.Services.Runs.GetAsync(runId, cancellationToken);
        var targets = await environment.Services.Runs.GetTargetsAsync(runId, cancellationToken);
        var left = await environment.ScratchLeftAsync(DemoPlan.ScratchPrefix, TimeSpan.FromSeconds(10), TimeProvider.System, cancellationToken);
        progress($"plan '{plan}': {VerdictNames.Of(run.Verdict ?? Verdict.Error)}");
        return new ConsistencyDrill(plan, run, targets, left.Count);
    }

    /// <summary>The shop at work: a customer, then an order naming it, until stopped. Returns how many pairs it wrote.</summary>
    private static async Task<int> WriteOrdersAsync(IAmazonDynamoDB db, TimeProvider time, CancellationToken cancellationToken)
    {
        var written = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var n = DemoData.Customers + written;
                var customer = $"CUSTOMER#{n:D4}";
                await db.PutItemAsync(new PutItemRequest(DemoData.CustomersTable, new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new() { S = customer },
                    ["name"] = new() { S = $"Customer {n}" },
                    ["tier"] = new() { S = "new" },
                }), CancellationToken.None);
                await db.PutItemAsync(new PutItemRequest(DemoData.SourceTable, new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new() { S = $"ORDER#9{n:D5}" },
                    ["customer"] = new() { S = customer },
                    ["total"] = new() { N = "19.90" },
                    ["status"] = new() { S = "PLACED" },
                    ["updatedAt"] = new() { S = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                }), CancellationToken.None);
                written++;
                await Task.Delay(WriteEvery, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the drills are over.
        }

        return written;
    }
}
