using System.Text.Json;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.RunbookGaps;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.RunbookGaps;

public sealed class RunbookGapTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static readonly TableRecoverySettings Orders = new("expiresAt", "NEW_IMAGE", true, true, new Dictionary<string, string>
    {
        ["team"] = "checkout", ["service"] = "orders", ["env"] = "prod", ["cost-center"] = "cc-1", ["data-class"] = "confidential", ["owner"] = "oncall", ["aws:cloudformation:stack-name"] = "shop",
    });

    private static readonly TableRecoverySettings Restored = new(null, null, false, false, new Dictionary<string, string> { ["drill:run-id"] = "r1", ["drill:plan"] = "p" });

    [Fact]
    public void ARestoredTable_LacksWhatDynamoDbDocuments_AndTheSentenceSaysWhatToReEnable()
    {
        var gap = new RunbookGap("orders-prod", [.. CompareWithSource.Tables(Orders, Restored), CompareWithSource.Scaling(Policies("orders-read", "orders-write"))!, .. CompareWithSource.Documented(RestoreKinds.DynamoDbTable)], T0);

        Assert.Equal(
            "after a restore of orders-prod you must re-enable: TTL on expiresAt, the stream (NEW_IMAGE), PITR, deletion protection, 6 tags (cost-center, data-class, env, owner, service, team), "
            + "2 auto-scaling policies (orders-read, orders-write); and check: IAM policies that name the table (the restored table has a new name and ARN); CloudWatch metrics and alarms on the table",
            gap.Sentence());
        Assert.True(gap.HasCompared);
    }

    [Fact]
    public void ASourceWithNothingToReEnable_HasOnlyTheDocumentedChecks()
    {
        var plain = new TableRecoverySettings(null, null, false, false, new Dictionary<string, string>());

        Assert.Empty(CompareWithSource.Tables(plain, Restored));
        Assert.Empty(CompareWithSource.Tables(Orders, Orders));
        Assert.Null(CompareWithSource.Scaling(JsonDocument.Parse("""{ "ScalingPolicies": [] }""").RootElement));
        var gap = new RunbookGap("t", CompareWithSource.Documented(RestoreKinds.DynamoDbTable), T0);
        Assert.False(gap.HasCompared);
        Assert.StartsWith("a restore of t carried every setting the runner compares; and check:", gap.Sentence(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKind_HasItsByHandSteps()
    {
        Assert.All(RestoreKinds.All, k => Assert.NotEmpty(k.RecoveryChecklist));
        Assert.Contains(RestoreKinds.RdsInstance.RecoveryChecklist, step => step.Contains("default", StringComparison.Ordinal));
        Assert.Contains(RestoreKinds.AuroraCluster.RecoveryChecklist, step => step.Contains("DB instances", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recording_ComparesTheScratchTableWithItsSource_AddsScaling_AndNeverFailsForAnUnreadableSource()
    {
        var runs = new InMemoryRunStore();
        await runs.CreateAsync(new DrillRun("r1", "p", 1, "{}", "schedule", T0), [Target("orders", "orders-prod"), Target("ledger", "ledger-prod")], default);
        var inspector = new SettingsInspector(new Dictionary<string, TableRecoverySettings> { ["orders-prod"] = Orders, ["drill-r1-orders-prod"] = Restored });
        var record = new RecordRunbookGap(runs, inspector, new FakeTimeProvider(T0));

        var step = await record.CompareAsync("r1", "orders", default);
        await record.RecordScalingAsync("r1", "orders", Policies("orders-read"), default);
        var unreadable = await record.CompareAsync("r1", "ledger", default);
        await record.RecordScalingAsync("r1", "ledger", JsonDocument.Parse("""{ "Error": "ApplicationAutoScaling.AccessDeniedException", "Cause": "no" }""").RootElement, default);

        Assert.Equal(new RunbookGapStep("r1", "orders", true, "table/orders-prod"), step);
        var orders = (await runs.GetTargetAsync("r1", "orders", default)).RunbookGap!;
        Assert.Equal([RunbookSettings.Ttl, RunbookSettings.Stream, RunbookSettings.Pitr, RunbookSettings.DeletionProtection, RunbookSettings.Tags, RunbookSettings.AutoScaling, RunbookSettings.Documented, RunbookSettings.Documented], orders.Items.Select(i => i.Setting));
        Assert.True(unreadable.ReadScaling);
        var ledger = (await runs.GetTargetAsync("r1", "ledger", default)).RunbookGap!;
        Assert.Contains("could not be read", ledger.Incomplete, StringComparison.Ordinal);
        Assert.Contains("auto scaling could not be read: ApplicationAutoScaling.AccessDeniedException", ledger.Incomplete, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABucket_GetsItsKindsChecklist_AndNoScalingRead()
    {
        var runs = new InMemoryRunStore();
        var bucket = new TargetRun("r1", "invoices", "prod-invoices") { Stage = TargetStage.Verified, Scratch = new ScratchResource("drill-r1-invoices", null, true) { Kind = ScratchKinds.S3Bucket } };
        await runs.CreateAsync(new DrillRun("r1", "p", 1, "{}", "schedule", T0), [bucket], default);

        var step = await new RecordRunbookGap(runs, new SettingsInspector([]), new FakeTimeProvider(T0)).CompareAsync("r1", "invoices", default);

        Assert.False(step.ReadScaling);
        Assert.Equal(string.Empty, step.ResourceId);
        Assert.Equal(RestoreKinds.S3Bucket.RecoveryChecklist, (await runs.GetTargetAsync("r1", "invoices", default)).RunbookGap!.Items.Select(i => i.Detail));
    }

    [Fact]
    public void AGap_FailsTheDrill_OnlyWhenThePlanSaysSo()
    {
        var run = new DrillRun("r1", "p", 1, "{}", "schedule", T0) { HealthyAt = T0.AddMinutes(10), RtoObjectiveMinutes = 60, RpoObjectiveMinutes = 15 };
        var target = Target("orders", "orders-prod") with
        {
            RecoveryPoint = new RecoveryPoint(RecoveryPoint.Pitr, null, T0.AddMinutes(-1)),
            RunbookGap = new RunbookGap("orders-prod", CompareWithSource.Tables(Orders, Restored), T0),
        };
        var documentedOnly = target with { RunbookGap = new RunbookGap("orders-prod", CompareWithSource.Documented(RestoreKinds.DynamoDbTable), T0) };

        Assert.Equal(Verdict.Pass, RunJudge.Judge(run, [target]).Verdict);
        var failing = RunJudge.Judge(run with { FailOnRunbookGap = true }, [target]);
        Assert.Equal(Verdict.Fail, failing.Verdict);
        Assert.Contains("orders: runbook gap (the plan fails on it): after a restore of orders-prod you must re-enable: TTL on expiresAt", failing.Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.Pass, RunJudge.Judge(run with { FailOnRunbookGap = true }, [documentedOnly]).Verdict);
    }

    [Fact]
    public void ThePlan_SaysWhetherAGapFails_AndABadValueNamesTheField()
    {
        const string plan = """{ "name": "p", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-", "failOnRunbookGap": VALUE, "targets": [ { "id": "t", "type": "dynamodb", "tableName": "orders" } ] }""";

        Assert.True(PlanReader.Read(plan.Replace("VALUE", "true", StringComparison.Ordinal)).Plan!.FailOnRunbookGap);
        Assert.False(PlanReader.Read(plan.Replace("\"failOnRunbookGap\": VALUE, ", string.Empty, StringComparison.Ordinal)).Plan!.FailOnRunbookGap);
        var problem = Assert.Single(PlanReader.Read(plan.Replace("VALUE", "\"yes\"", StringComparison.Ordinal)).Problems);
        Assert.Equal("$.failOnRunbookGap", problem.Path);
    }

    private static TargetRun Target(string id, string source) => new("r1", id, source)
    {
        Stage = TargetStage.Verified,
        Scratch = new ScratchResource($"drill-r1-{source}", null, true),
    };

    private static JsonElement Policies(params string[] names) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new { ScalingPolicies = names.Select(n => new { PolicyName = n }) })).RootElement;

    /// <summary>Answers RecoverySettingsAsync from a dictionary (a missing table throws, as DescribeTable would); nothing else is asked.</summary>
    private sealed class SettingsInspector(Dictionary<string, TableRecoverySettings> tables) : ITableInspector
    {
        public Task<TableRecoverySettings> RecoverySettingsAsync(string tableName, CancellationToken cancellationToken) =>
            tables.TryGetValue(tableName, out var settings) ? Task.FromResult(settings) : throw new InvalidOperationException($"Requested resource not found: Table: {tableName} not found");

        public Task<long> CountItemsAsync(string tableName, int segments, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ScanCheckpoint> ContinueCountAsync(string tableName, ScanCheckpoint checkpoint, Func<bool> outOfTime, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ItemExistsAsync(string tableName, IReadOnlyDictionary<string, KeyValue> key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ItemPair>> SamplePairsAsync(string restoredTable, string sourceTable, int size, int seed, long itemCount, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long?> SizeBytesAsync(string tableName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long?> ItemCountAsync(string tableName, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
