using System.Net;
using System.Net.Sockets;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Demo;

/// <summary>
/// `drill demo`: starts the local stand-in, seeds the shop's tables, sets the scenario up, runs
/// the real state machine, reads the run record, checks for leftovers, and stops everything.
/// </summary>
public static class DemoDrill
{
    public static async Task<DemoOutcome> RunAsync(DemoScenario scenario, TimeProvider time, Action<string> progress, Action<ExecutionEvent>? onEvent, CancellationToken cancellationToken)
    {
        progress("starting dynalite, the DynamoDB stand-in and the drill functions on 127.0.0.1");
        await using var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken);
        var db = environment.DynamoDb;

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

        await using var app = await DemoShopApp.StartAsync(db, cancellationToken);
        var appUrl = scenario.Name == "app-down" ? UnusedLoopbackUrl() : app.Url;
        var version = await environment.ApplyPlanAsync(DemoPlan.Json(appUrl), time, cancellationToken);
        progress($"plan '{DemoPlan.Name}' v{version} stored; running the drill (scenario: {scenario.Name})");

        string? runId = null;
        var execution = await environment.RunDrillAsync(
            new BeginRequest(DemoPlan.Name, "demo", $"drill demo --scenario {scenario.Name}", Environment.UserName, null),
            e =>
            {
                runId ??= e.State == "BeginDrill" && e.Type == "StateExited" ? e.RunId : null;
                onEvent?.Invoke(e);
            },
            cancellationToken);
        if (runId is null)
        {
            throw new InvalidOperationException($"The drill did not begin: {execution.Error}: {execution.Cause}");
        }

        var run = await environment.Services.Runs.GetAsync(runId, cancellationToken);
        var targets = await environment.Services.Runs.GetTargetsAsync(runId, cancellationToken);
        var left = await environment.ScratchTablesLeftAsync(DemoPlan.ScratchPrefix, TimeSpan.FromSeconds(10), time, cancellationToken);
        var notifications = environment.Functions.Published.Select(p => p["Subject"]?.GetValue<string>() ?? string.Empty).ToList();
        progress("stopping everything the demo started");
        return new DemoOutcome(scenario, run, targets, left, execution, notifications, environment.Functions.Invocations.ToList(), environment.FunctionLog);
    }

    /// <summary>A loopback address nothing listens on: the application is down.</summary>
    private static Uri UnusedLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
