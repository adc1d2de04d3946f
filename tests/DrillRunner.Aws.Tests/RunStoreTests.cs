using DrillRunner.Aws.RunStore;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Runs;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Aws.Tests;

public sealed class RunStoreTests(StandInFixture fixture) : IClassFixture<StandInFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private string _table = string.Empty;

    public async Task InitializeAsync() => _table = await fixture.CreateRunsTableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Selection_IsKeptWithTheRun_RuleByRule()
    {
        var store = new DynamoDbRunStore(fixture.Client, _table);
        var selection = new RunSelection(
            [new SelectedTarget("shop-tables", "shop.orders", "shop-orders", "a target id holds 1–40 of A-Z a-z 0-9 _ -")],
            [new LeftOutResource("shop-tables", "drill-r-shop-orders", LeftOutReasons.Scratch, "its name starts with the scratch prefix 'drill-'")])
        {
            Rules = ["shop-tables: dynamodb; tags app=shop"],
            ResolvedTargetIds = ["shop-orders"],
        };

        await store.CreateAsync(new DrillRun("run-selected", "shop", 1, "{}", "schedule", T0) { Selection = selection }, [], default);
        var read = (await store.GetAsync("run-selected", default)).Selection!;

        Assert.Equal(selection.Selected, read.Selected);
        Assert.Equal(selection.LeftOut, read.LeftOut);
        Assert.Equal(selection.Rules, read.Rules);
        Assert.Equal(selection.ResolvedTargetIds, read.ResolvedTargetIds);
    }

    [Fact]
    public async Task RunOfTheLargestPlan_IsRecorded_WithEveryItemFarBelowDynamoDbsItemLimit()
    {
        // A plan of MaxTargets verbose targets: as text inside the header it once passed 400 KB (at ~568 targets).
        var targets = Enumerable.Range(1, DrillRunner.Core.Plans.PlanRules.MaxTargets).Select(i =>
            $$"""{ "id": "t{{i}}", "type": "dynamodb", "tableName": "orders-{{i}}-prod", "restoreFrom": "auto", "restore": { "billingMode": "PAY_PER_REQUEST", "withoutSecondaryIndexes": true, "sse": { "type": "KMS", "kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" } }, "verification": { "minItemCount": 1000, "maxItemCount": 50000000, "tolerancePercentOfSource": 1, "sentinelKeys": [ { "pk": "ORDER#{{i}}", "sk": 7 }, { "pk": "ORDER#{{i + 1}}", "sk": 8 } ], "sampleSize": 20, "lastModifiedAttribute": "updatedAt", "scanSegments": 8 } }""");
        var planJson = $$"""{ "name": "estate", "objectives": { "rtoMinutes": 240, "rpoMinutes": 60 }, "scratchPrefix": "drill-", "targets": [ {{string.Join(",\n", targets)}} ] }""";
        Assert.True(planJson.Length * 1.5 > 400_000, $"the plan is only {planJson.Length} characters: escaped inside a header it would fit anyway");
        var store = new DynamoDbRunStore(fixture.Client, _table);

        await store.CreateAsync(new DrillRun("run-big", "estate", 1, planJson, "schedule", T0), [], default);

        Assert.Equal(planJson, (await store.GetAsync("run-big", default)).PlanJson);
        foreach (var sk in new[] { RunsTableKeys.RunHeader, RunsTableKeys.RunPlan })
        {
            var item = (await fixture.Client.GetItemAsync(_table, new Dictionary<string, AttributeValue> { [RunsTableKeys.PartitionKeyName] = new(RunsTableKeys.Run("run-big")), [RunsTableKeys.SortKeyName] = new(sk) })).Item;
            var bytes = item.Sum(a => a.Key.Length + (a.Value.S?.Length ?? 0) + (int)(a.Value.B?.Length ?? 0));
            Assert.True(bytes < 100_000, $"the {sk} item is {bytes:N0} bytes; the goal is under 100 KB (DynamoDB's limit is 400 KB)");
        }
    }

    [Fact]
    public async Task RunAndTargets_RoundTripEveryField()
    {
        var store = new DynamoDbRunStore(fixture.Client, _table);
        var run = new DrillRun("run-1", "prod", 3, "{\"name\":\"prod\"}", "schedule", T0) { TargetIds = ["a", "b"], RtoObjectiveMinutes = 60, HoldsPlanLock = true };
        await store.CreateAsync(run, [new TargetRun("run-1", "a", "ta"), new TargetRun("run-1", "b", "tb")], default);

        var target = new TargetRun("run-1", "b", "tb")
        {
            Stage = TargetStage.Verified,
            RecoveryPoint = new RecoveryPoint(RecoveryPoint.Backup, "arn:backup", T0.AddMinutes(-7)),
            RestoreCompletedAt = T0.AddMinutes(30),
            Scratch = new ScratchResource("drill-run-1-tb", "arn:t", true) { Tagged = true },
            Verification = new VerificationResult(10, 10, 9, 11, 1, [], 5, 0, []),
        };
        await store.SaveTargetAsync(target, default);
        await store.SaveAsync(run with { Verdict = Verdict.FailObjective, VerdictReason = "RTO", RtoSeconds = 4000 }, default);

        var read = await store.GetAsync("run-1", default);
        Assert.Equal(Verdict.FailObjective, read.Verdict);
        Assert.Equal(4000, read.RtoSeconds);
        Assert.Equal(T0, read.StartedAt);
        Assert.Equal(["a", "b"], read.TargetIds);
        var targets = await store.GetTargetsAsync("run-1", default);
        Assert.Equal(2, targets.Count);
        var readTarget = targets.Single(t => t.TargetId == "b");
        Assert.Equal(target.RecoveryPoint, readTarget.RecoveryPoint);
        Assert.Equal(target.Scratch, readTarget.Scratch);
        Assert.Equal(target.RestoreCompletedAt, readTarget.RestoreCompletedAt);
        Assert.Equal(10, readTarget.Verification!.ExpectedMin + 1);
        Assert.Equal(TargetStage.Pending, targets.Single(t => t.TargetId == "a").Stage);
    }

    [Fact]
    public async Task Get_UnknownRun_ThrowsRunNotFound()
    {
        await Assert.ThrowsAsync<RunNotFound>(() => new DynamoDbRunStore(fixture.Client, _table).GetAsync("nope", default));
    }

    [Fact]
    public async Task PlanLock_IsExclusiveUntilReleasedOrExpired()
    {
        var store = new DynamoDbRunStore(fixture.Client, _table);

        Assert.Null(await store.TryLockPlanAsync("p", "run-a", T0, T0.AddHours(6), default));
        var holder = await store.TryLockPlanAsync("p", "run-b", T0.AddMinutes(5), T0.AddHours(7), default);
        Assert.Equal("run-a", holder!.RunId);
        Assert.Equal(T0, holder.Since);

        await store.ReleasePlanLockAsync("p", "run-b", default);
        Assert.NotNull(await store.TryLockPlanAsync("p", "run-b", T0.AddMinutes(6), T0.AddHours(7), default));

        Assert.Null(await store.TryLockPlanAsync("p", "run-c", T0.AddHours(6).AddSeconds(1), T0.AddHours(12), default));

        await store.ReleasePlanLockAsync("p", "run-c", default);
        Assert.Null(await store.TryLockPlanAsync("p", "run-d", T0.AddHours(7), T0.AddHours(13), default));
    }

    [Fact]
    public async Task PlanStore_KeepsVersionsAndReturnsTheNewest()
    {
        var plans = new DynamoDbPlanStore(fixture.Client, _table);

        Assert.Null(await plans.GetLatestAsync("prod", default));
        Assert.Equal(1, await plans.SaveAsync("prod", "{\"v\":1}", T0, default));
        Assert.Equal(2, await plans.SaveAsync("prod", "{\"v\":2}", T0, default));

        var latest = await plans.GetLatestAsync("prod", default);
        Assert.Equal(2, latest!.Version);
        Assert.Equal("{\"v\":2}", latest.Json);
    }
}
