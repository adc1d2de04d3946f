using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Drills;

namespace DrillRunner.Core.Tests.RecoveryPoints;

/// <summary>T chosen in BeginDrill before any restore, from every PITR window.</summary>
public sealed class CommonInstantTests : DrillOnFakes
{
    private const string ThreeTables = """
        {
          "name": "shop",
          "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 },
          "scratchPrefix": "drill-",
          "recoveryInstant": "common",
          "targets": [
            { "id": "orders", "type": "dynamodb", "tableName": "shop-orders" },
            { "id": "customers", "type": "dynamodb", "tableName": "shop-customers" },
            { "id": "ledger", "type": "dynamodb", "tableName": "shop-ledger", "restoreFrom": "backup" }
          ]
        }
        """;

    [Fact]
    public async Task Latest_IsTheLastSecondEveryPitrTableCanReach_AndNamesTheTableThatBoundsIt()
    {
        RecoveryPoints.Windows["shop-orders"] = new ContinuousWindow(T0.AddDays(-35), T0.AddMinutes(-1));
        RecoveryPoints.Windows["shop-customers"] = new ContinuousWindow(T0.AddDays(-3), T0.AddMinutes(-5).AddMilliseconds(700));

        var run = await BeginWithAsync(ThreeTables);

        var instant = run.Instant!;
        Assert.Equal(T0.AddMinutes(-5), instant.At);
        Assert.Equal(("customers", "customers", 2), (instant.LatestBoundBy, instant.EarliestBoundBy, instant.ContinuousTargets));
        Assert.Equal((T0.AddDays(-3), T0.AddMinutes(-5).AddMilliseconds(700)), (instant.WindowFrom, instant.WindowTo));

        // The backup-only table does not bound T: it is never asked for a PITR window.
        Assert.DoesNotContain("shop-ledger", RecoveryPoints.Looked);
        Assert.Equal(T0.AddMinutes(-5), PointWanted.For(run, PlanReader.Read(ThreeTables).PlanOrThrow(), PlanReader.Read(ThreeTables).PlanOrThrow().Targets[2]).Instant);
    }

    [Fact]
    public async Task Oldest_IsTheFirstSecondEveryTableCanReach_WithinThePlansDays()
    {
        RecoveryPoints.Windows["shop-orders"] = new ContinuousWindow(T0.AddDays(-35), T0.AddMinutes(-1));
        RecoveryPoints.Windows["shop-customers"] = new ContinuousWindow(T0.AddDays(-3).AddMilliseconds(200), T0.AddMinutes(-5));

        var oldest = await BeginWithAsync(ThreeTables.Replace("\"recoveryInstant\": \"common\",", "\"recoveryInstant\": \"common\", \"recoveryPoint\": { \"select\": \"oldest\" },", StringComparison.Ordinal));
        Assert.Equal(T0.AddDays(-3).AddSeconds(1), oldest.Instant!.At);

        var withinADay = await BeginWithAsync(ThreeTables.Replace("\"recoveryInstant\": \"common\",", "\"recoveryInstant\": \"common\", \"recoveryPoint\": { \"select\": \"oldest\", \"withinDays\": 1 },", StringComparison.Ordinal), "shop2");
        Assert.Equal(T0.AddDays(-1), withinADay.Instant!.At);
        Assert.Null(withinADay.Instant.EarliestBoundBy);
    }

    [Fact]
    public async Task Random_DrawsASecondOfTheCommonWindow_RepeatablyFromTheRecordedSeed()
    {
        RecoveryPoints.Windows["shop-orders"] = new ContinuousWindow(T0.AddDays(-35), T0.AddMinutes(-1));
        RecoveryPoints.Windows["shop-customers"] = new ContinuousWindow(T0.AddDays(-3), T0.AddMinutes(-5));

        var run = await BeginWithAsync(ThreeTables.Replace("\"recoveryInstant\": \"common\",", "\"recoveryInstant\": \"common\", \"recoveryPoint\": { \"select\": \"random\" },", StringComparison.Ordinal));

        Assert.Equal(PointSelect.Random, run.Instant!.Select);
        Assert.InRange(run.Instant.At, T0.AddDays(-3), T0.AddMinutes(-5));
        Assert.Equal(PointDraw.Instant(T0.AddDays(-3), T0.AddMinutes(-5), run.Seed), run.Instant.At);
    }

    [Fact]
    public async Task NoInstantEveryTableCanReach_EndsTheDrillAtOnceWithError_NamingBothTables()
    {
        // customers' PITR was switched off and on again after orders' latest restorable time.
        RecoveryPoints.Windows["shop-orders"] = new ContinuousWindow(T0.AddDays(-35), T0.AddMinutes(-30));
        RecoveryPoints.Windows["shop-customers"] = new ContinuousWindow(T0.AddMinutes(-10), T0.AddMinutes(-5));

        var begun = await BeginResultAsync(ThreeTables);
        var run = await Runs.GetAsync(begun.RunId, default);

        Assert.False(begun.Started);
        Assert.Equal((Verdict.Error, RunStatus.TornDown), (run.Verdict, run.Status));
        Assert.Contains("no common recovery instant", run.VerdictReason, StringComparison.Ordinal);
        Assert.Contains("'customers' can be restored only from 2026-11-27 02:50:00.000Z", run.VerdictReason, StringComparison.Ordinal);
        Assert.Contains("'orders' only up to 2026-11-27 02:30:00.000Z", run.VerdictReason, StringComparison.Ordinal);
        Assert.Empty(Runs.Locks);
        Assert.Empty(await Runs.GetTargetsAsync(begun.RunId, default));
    }

    [Fact]
    public async Task WithNoContinuousBackups_LatestIsT0_AndAnOlderDrawNeedsAWindow()
    {
        var latest = await BeginWithAsync(ThreeTables);
        Assert.Equal((T0, 0), (latest.Instant!.At, latest.Instant.ContinuousTargets));

        var begun = await BeginResultAsync(ThreeTables.Replace("\"recoveryInstant\": \"common\",", "\"recoveryInstant\": \"common\", \"recoveryPoint\": { \"select\": \"random\" },", StringComparison.Ordinal), "shop2");
        Assert.False(begun.Started);
        Assert.Contains("\"withinDays\"", begun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestsRecoveryPoint_OverridesThePlans_AndAnUnknownOneIsAnError()
    {
        RecoveryPoints.Windows["shop-orders"] = new ContinuousWindow(T0.AddDays(-35), T0.AddMinutes(-1));

        var oldest = await BeginWithAsync(ThreeTables, request: "oldest");
        Assert.Equal((PointSelect.Oldest, T0.AddDays(-35)), (oldest.Instant!.Select, oldest.Instant.At));
        Assert.Equal(PointSelect.Oldest, oldest.PointOverride);

        var begun = await BeginResultAsync(ThreeTables, "shop2", request: "newest");
        Assert.False(begun.Started);
        Assert.Contains("recoveryPoint 'newest' is not one of latest, random, oldest", begun.Message, StringComparison.Ordinal);
    }

    private async Task<DrillRun> BeginWithAsync(string plan, string name = "shop", string? request = null)
    {
        var begun = await BeginResultAsync(plan, name, request);
        Assert.True(begun.Started, begun.Message);
        return await Runs.GetAsync(begun.RunId, default);
    }

    private async Task<BeginResult> BeginResultAsync(string plan, string name = "shop", string? request = null)
    {
        await Plans.SaveAsync(name, plan.Replace("\"name\": \"shop\"", $"\"name\": \"{name}\"", StringComparison.Ordinal), T0, default);
        return await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(7))
            .ExecuteAsync(new BeginRequest(name, "manual", "test", "ana", null) { RecoveryPoint = request }, default);
    }
}
