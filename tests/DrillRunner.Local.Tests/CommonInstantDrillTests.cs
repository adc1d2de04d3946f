using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>A common-instant drill through the real state machine when one table's PITR cannot reach the others' instant.</summary>
public sealed class CommonInstantDrillTests
{
    [Fact]
    public async Task PitrSwitchedOffAndOnAfterTheOtherTablesLatestTime_EndsTheDrillWithError_NamingBoth_AndCreatesNothing()
    {
        await using var environment = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        var db = environment.DynamoDb;
        await DemoData.CreateSourceTableAsync(db, CancellationToken.None);
        await DemoData.CreateCustomersAsync(db, CancellationToken.None);
        await DemoData.EnablePitrAsync(db, DemoData.SourceTable, CancellationToken.None);
        environment.StandIn.Faults.SetPitrLag(DemoData.SourceTable, TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(1));

        // customers' PITR off and on again: its window starts now, after orders' latest restorable time (5 s ago).
        await db.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = DemoData.CustomersTable, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = false } });
        await DemoData.EnablePitrAsync(db, DemoData.CustomersTable, CancellationToken.None);
        await environment.ApplyPlanAsync(ConsistencyDemo.PlanJson(ConsistencyDemo.CommonPlan, common: true), TimeProvider.System, CancellationToken.None);

        var execution = await environment.RunDrillAsync(new BeginRequest(ConsistencyDemo.CommonPlan, "test", "pitr reset", "test", null), null, CancellationToken.None);

        var run = await environment.Services.Runs.GetAsync(execution.RunId!, CancellationToken.None);
        Assert.Equal((Verdict.Error, RunStatus.TornDown), (run.Verdict, run.Status));
        Assert.Contains("no common recovery instant, so nothing was restored", run.VerdictReason, StringComparison.Ordinal);
        Assert.Contains("'customers' can be restored only from", run.VerdictReason, StringComparison.Ordinal);
        Assert.Contains("'orders' only up to", run.VerdictReason, StringComparison.Ordinal);
        Assert.Empty(await environment.Services.Runs.GetTargetsAsync(run.RunId, CancellationToken.None));
        Assert.Empty(await environment.ScratchLeftAsync(DemoPlan.ScratchPrefix, TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.Null(await environment.Services.Runs.GetPlanLockAsync(ConsistencyDemo.CommonPlan, TimeProvider.System.GetUtcNow(), CancellationToken.None));
    }
}

/// <summary>A plan with no listed targets: everything it drills is what its one rule finds when the drill begins.</summary>
public sealed class SelectOnlyDrillTests
{
    [Fact]
    public async Task APlanOfOnlyASelectRule_DrillsEveryTableWithTheTag_ToOneInstant()
    {
        await using var environment = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        var db = environment.DynamoDb;
        await DemoData.CreateSourceTableAsync(db, CancellationToken.None);
        await DemoData.CreateCustomersAsync(db, CancellationToken.None);
        await DemoData.ConfigureOrdersAsync(db, CancellationToken.None);
        await DemoData.EnablePitrAsync(db, DemoData.SourceTable, CancellationToken.None);
        await DemoData.SeedOrdersAsync(db, 1, 500, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        environment.StandIn.Faults.PitrLag = TimeSpan.FromSeconds(1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await environment.ApplyPlanAsync($$"""
            {
              "name": "shop-by-tag",
              "objectives": { "rtoMinutes": 10, "rpoMinutes": 5 },
              "scratchPrefix": "{{DemoPlan.ScratchPrefix}}",
              "recoveryInstant": "common",
              "select": [ { "id": "shop", "type": "dynamodb", "tags": [ { "key": "{{DemoData.AppTagKey}}", "equals": "{{DemoData.AppTagValue}}" } ], "restoreFrom": "pitr", "restore": { "withoutSecondaryIndexes": true } } ]
            }
            """, TimeProvider.System, CancellationToken.None);

        var execution = await environment.RunDrillAsync(new BeginRequest("shop-by-tag", "test", "select only", "test", null), null, CancellationToken.None);

        var run = await environment.Services.Runs.GetAsync(execution.RunId!, CancellationToken.None);
        Assert.True(run.Verdict == Verdict.Pass, run.VerdictReason);
        Assert.Equal(new[] { DemoData.CustomersTable, DemoData.SourceTable }, run.TargetIds.Order(StringComparer.Ordinal));
        Assert.Equal(run.TargetIds.Order(StringComparer.Ordinal), run.Selection!.ResolvedTargetIds.Order(StringComparer.Ordinal));
        var targets = await environment.Services.Runs.GetTargetsAsync(run.RunId, CancellationToken.None);
        Assert.All(targets, t => Assert.Equal((TargetStage.Verified, run.Instant!.At), (t.Stage, t.RecoveryPoint!.CreatedAt)));
        Assert.Empty(await environment.ScratchLeftAsync(DemoPlan.ScratchPrefix, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
    }
}
