using Amazon.DynamoDBv2;

namespace DrillRunner.Local.Demo;

/// <summary>Seeds the shop's tables, sets the scenario's conditions and stores the demo plan.</summary>
public static class DemoSetup
{
    /// <summary>Sets a scenario up: what dynalite and the stand-in keep (tables, backups, PITR, faults, the plan) and what lives in this process (<see cref="SeedWorld"/>).</summary>
    /// <returns>When it was seeded: the moment the scenario's story (backup ages, recovery points) is told from.</returns>
    /// <param name="selectsTargets">
    /// Whether the healthy scenario's plan finds the shop's tables by tag (<see cref="DemoPlan.ShopRule"/>): `drill demo` does.
    /// The coverage demo and the local store (set up with the coverage estate) keep the listed targets: their audit runs before
    /// any drill, and an audit reads no table's tags, so it would count a table only a tag rule selects as in no plan.
    /// </param>
    public static async Task<DateTimeOffset> PrepareAsync(LocalDrillEnvironment environment, DemoScenario scenario, Uri appUrl, TimeProvider time, Action<string> progress, CancellationToken cancellationToken, bool selectsTargets = false)
    {
        IAmazonDynamoDB db = environment.DynamoDb;
        progress($"seeding {DemoData.SourceTable} with {DemoData.Orders:N0} orders and {DemoData.CustomersTable} with {DemoData.Customers} customers");
        await DemoData.CreateSourceTableAsync(db, cancellationToken);
        await DemoData.CreateCustomersAsync(db, cancellationToken);
        await DemoData.ConfigureOrdersAsync(db, cancellationToken);
        var seededAt = time.GetUtcNow();
        switch (scenario.Name)
        {
            case DemoScenario.NoBackups:
                await DemoData.SeedOrdersAsync(db, 1, DemoData.Orders, seededAt, cancellationToken);
                progress($"point-in-time recovery left off and no backup made for {DemoData.SourceTable} ({DemoData.CustomersTable} keeps its PITR)");
                break;
            case DemoScenario.DataLoss:
                await SeedDataLossAsync(environment, seededAt, cancellationToken);
                progress($"the only backup was made {DemoData.DataLossBackupAge.TotalHours:0} hours ago, at {DemoData.OrdersInDataLossBackup:N0} orders; {DemoData.Orders - DemoData.OrdersInDataLossBackup:N0} orders written since; PITR off");
                break;
            default:
                await DemoData.SeedOrdersAsync(db, 1, DemoData.Orders, seededAt, cancellationToken);
                await DemoData.EnablePitrAsync(db, DemoData.SourceTable, cancellationToken);
                await DemoData.CreateBackupAsync(db, cancellationToken);
                progress("point-in-time recovery on, nightly backup made");
                break;
        }

        if (scenario.Name == DemoScenario.RestoreFails)
        {
            environment.StandIn.Faults.FailRestoresOf(DemoData.SourceTable);
            progress($"restores of {DemoData.SourceTable} will be accepted, then abandoned");
        }

        if (scenario.Name == DemoScenario.SlowRestore)
        {
            environment.StandIn.Faults.RestoreDuration = TimeSpan.FromMinutes(DemoPlan.RtoMinutes) + TimeSpan.FromSeconds(5);
            progress($"every restore will take {environment.StandIn.Faults.RestoreDuration.TotalSeconds:0} s, longer than the {DemoPlan.RtoMinutes * 60:0} s RTO objective");
        }

        SeedWorld(environment, scenario, appUrl, seededAt);
        if (scenario.DrillsAwsBackup)
        {
            progress($"AWS Backup: {DemoPlan.InvoiceBucket} ({InvoiceObjects:N0} objects) and {DemoPlan.BillingDatabase} have 3 recovery points each, listed out of order; verifier {DemoPlan.BillingVerifier} registered");
        }

        var version = await environment.ApplyPlanAsync(DemoPlan.Json(appUrl, withAwsBackup: scenario.DrillsAwsBackup, selectsShopTables: selectsTargets && scenario.Name == DemoScenario.Healthy), time, cancellationToken);
        progress($"plan '{DemoPlan.Name}' v{version} stored (scenario: {scenario.Name})");
        return seededAt;
    }

    /// <summary>
    /// What the scenario has in the local AWS world and the local S3, which live in this process only:
    /// set again, with the same ages, whenever a store set up for the scenario opens.
    /// </summary>
    public static void SeedWorld(LocalDrillEnvironment environment, DemoScenario scenario, Uri appUrl, DateTimeOffset seededAt)
    {
        environment.Aws.ScalingPolicies[Core.RunbookGaps.RecordRunbookGap.ScalingResourceId(DemoData.SourceTable)] = DemoData.OrdersScalingPolicies;
        if (scenario.DrillsAwsBackup)
        {
            SeedEstate(environment, appUrl, seededAt);
        }
    }

    private const int InvoiceObjects = 1_200;

    /// <summary>
    /// The data-loss story as it happens in production: 15,000 orders, the nightly backup six hours
    /// ago, then 5,000 more orders through the day. The drill restores the backup, counts 15,000 and
    /// measures an RPO of six hours.
    /// </summary>
    private static async Task SeedDataLossAsync(LocalDrillEnvironment environment, DateTimeOffset seededAt, CancellationToken cancellationToken)
    {
        var db = environment.DynamoDb;
        var backupAt = seededAt - DemoData.DataLossBackupAge;
        await DemoData.SeedOrdersAsync(db, 1, DemoData.OrdersInDataLossBackup, backupAt.AddHours(-1), cancellationToken);
        environment.StandIn.Backdate(await DemoData.CreateBackupAsync(db, cancellationToken), backupAt);

        // The orders after the backup, an hour's worth at a time, up to the moment of the disaster.
        const int Batches = 5;
        var after = DemoData.Orders - DemoData.OrdersInDataLossBackup;
        for (var batch = 0; batch < Batches; batch++)
        {
            var first = DemoData.OrdersInDataLossBackup + 1 + (batch * after / Batches);
            var last = DemoData.OrdersInDataLossBackup + ((batch + 1) * after / Batches);
            var at = backupAt + ((seededAt - backupAt) * (batch + 1) / (Batches + 1));
            await DemoData.SeedOrdersAsync(db, first, last, at, cancellationToken);
        }
    }

    /// <summary>
    /// The estate beyond DynamoDB: an invoice bucket and a billing database with AWS Backup recovery
    /// points (listed out of order, over several pages, as AWS Backup may), and the billing team's
    /// verifier Lambda. The "database" endpoint is the shop app's port: something that accepts TCP.
    /// </summary>
    private static void SeedEstate(LocalDrillEnvironment environment, Uri appUrl, DateTimeOffset seededAt)
    {
        var bucket = environment.S3.CreateBucket(DemoPlan.InvoiceBucket);
        for (var i = 1; i <= InvoiceObjects; i++)
        {
            bucket.Put($"2026/11/INV-{i:D6}.pdf", 40_000 + (i % 7 * 1_000));
        }

        var aws = environment.Aws;
        aws.AddSource(Core.Kinds.ScratchKinds.RdsInstance, DemoPlan.BillingDatabase);
        aws.RecoveryPointPageSize = 2;
        foreach (var hoursAgo in new[] { 26.0, 0.03, 50.0 })
        {
            aws.AddRecoveryPoint(DemoPlan.InvoiceBucketArn, seededAt.AddHours(-hoursAgo));
            aws.AddRecoveryPoint(DemoPlan.BillingDatabaseArn, seededAt.AddHours(-hoursAgo));
        }

        aws.DatabasePort = appUrl.Port;
        environment.Functions.AddVerifier(DemoPlan.BillingVerifier, request =>
        {
            var restored = request["restored"]!;
            var id = restored["dbInstanceIdentifier"]?.GetValue<string>() ?? string.Empty;
            var passed = id.StartsWith(DemoPlan.ScratchPrefix, StringComparison.Ordinal) && restored["endpointPort"] is not null;
            return new System.Text.Json.Nodes.JsonObject
            {
                ["passed"] = passed,
                ["message"] = passed ? $"{id}: 3 billing tables present, invoice totals balance" : $"unexpected database '{id}'",
                ["details"] = new System.Text.Json.Nodes.JsonObject { ["tables"] = 3 },
            };
        });
    }
}
