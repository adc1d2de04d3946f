using Amazon.DynamoDBv2;

namespace DrillRunner.Local.Demo;

/// <summary>Seeds the shop's tables, sets the scenario's conditions and stores the demo plan.</summary>
public static class DemoSetup
{
    public static async Task PrepareAsync(LocalDrillEnvironment environment, DemoScenario scenario, Uri appUrl, TimeProvider time, Action<string> progress, CancellationToken cancellationToken)
    {
        IAmazonDynamoDB db = environment.DynamoDb;
        progress($"seeding {DemoData.SourceTable} with {DemoData.Orders:N0} orders and {DemoData.CustomersTable} with {DemoData.Customers} customers");
        await DemoData.CreateSourceTableAsync(db, cancellationToken);
        await DemoData.CreateCustomersAsync(db, cancellationToken);
        await DemoData.ConfigureOrdersAsync(db, cancellationToken);
        SeedWorld(environment);
        var seededAt = time.GetUtcNow();
        switch (scenario.Name)
        {
            case "no-backups":
                await DemoData.SeedOrdersAsync(db, 1, DemoData.Orders, seededAt, cancellationToken);
                progress("point-in-time recovery left off, no backup made");
                break;
            case "data-loss":
                await DemoData.SeedOrdersAsync(db, 1, 15_000, seededAt, cancellationToken);
                await DemoData.CreateBackupAsync(db, cancellationToken);
                await DemoData.SeedOrdersAsync(db, 15_001, DemoData.Orders, time.GetUtcNow(), cancellationToken);
                progress("backup made at 15,000 orders; 5,000 orders written since; PITR off");
                break;
            default:
                await DemoData.SeedOrdersAsync(db, 1, DemoData.Orders, seededAt, cancellationToken);
                await DemoData.EnablePitrAsync(db, DemoData.SourceTable, cancellationToken);
                await DemoData.CreateBackupAsync(db, cancellationToken);
                progress("point-in-time recovery on, nightly backup made");
                break;
        }

        if (scenario.Name == "restore-fails")
        {
            environment.StandIn.Faults.FailRestoresOf(DemoData.SourceTable);
        }

        if (scenario.Name == "slow-restore")
        {
            environment.StandIn.Faults.RestoreDuration = TimeSpan.FromMinutes(DemoPlan.RtoMinutes) + TimeSpan.FromSeconds(5);
            progress($"restores will take {environment.StandIn.Faults.RestoreDuration.TotalSeconds:0} s");
        }

        if (scenario.Name == "estate")
        {
            SeedEstate(environment, appUrl, seededAt, progress);
        }

        var version = await environment.ApplyPlanAsync(DemoPlan.Json(appUrl, withAwsBackup: scenario.Name == "estate"), time, cancellationToken);
        progress($"plan '{DemoPlan.Name}' v{version} stored (scenario: {scenario.Name})");
    }

    /// <summary>What the demo shop has in the local AWS world, which lives in the process only: set again whenever a demo store opens.</summary>
    public static void SeedWorld(LocalDrillEnvironment environment) =>
        environment.Aws.ScalingPolicies[Core.RunbookGaps.RecordRunbookGap.ScalingResourceId(DemoData.SourceTable)] = DemoData.OrdersScalingPolicies;

    /// <summary>
    /// The estate beyond DynamoDB: an invoice bucket and a billing database with AWS Backup recovery
    /// points (listed out of order, over several pages, as AWS Backup may), and the billing team's
    /// verifier Lambda. The "database" endpoint is the shop app's port: something that accepts TCP.
    /// </summary>
    private static void SeedEstate(LocalDrillEnvironment environment, Uri appUrl, DateTimeOffset seededAt, Action<string> progress)
    {
        var bucket = environment.S3.CreateBucket(DemoPlan.InvoiceBucket);
        for (var i = 1; i <= 1_200; i++)
        {
            bucket.Put($"2026/11/INV-{i:D6}.pdf", 40_000 + (i % 7 * 1_000));
        }

        var aws = environment.Aws;
        aws.AddSource(Core.Plans.ScratchKinds.RdsInstance, DemoPlan.BillingDatabase);
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
        progress($"AWS Backup: {DemoPlan.InvoiceBucket} (1,200 objects) and {DemoPlan.BillingDatabase} have 3 recovery points each, listed out of order; verifier {DemoPlan.BillingVerifier} registered");
    }
}
