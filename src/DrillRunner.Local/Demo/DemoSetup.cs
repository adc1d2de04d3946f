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

        var version = await environment.ApplyPlanAsync(DemoPlan.Json(appUrl), time, cancellationToken);
        progress($"plan '{DemoPlan.Name}' v{version} stored (scenario: {scenario.Name})");
    }
}
