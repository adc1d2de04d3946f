using System.Text.Json.Nodes;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Coverage;

/// <summary>Each finding, each exclusion and the thresholds, from pages shaped as Step Functions gives the listings.</summary>
public sealed class JudgeCoverageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly AuditScope Scope = AuditScope.FromExecutionArn("arn:aws:states:eu-west-1:111122223333:execution:coverage-audit:audit-1");
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly InMemoryCoverageStore _store = new();
    private readonly InMemoryPlanStore _plans = new();
    private readonly InMemoryRunStore _runs = new();

    [Fact]
    public void Scope_IsTheExecutionsOwnAccountAndRegion_AndABadArnNamesTheForm()
    {
        Assert.Equal(new AuditScope("aws", "eu-west-1", "111122223333"), Scope);
        Assert.Equal("arn:aws:dynamodb:eu-west-1:111122223333:table/orders", Scope.TableArn("orders"));
        var error = Assert.Throws<ArgumentException>(() => AuditScope.FromExecutionArn("arn:aws:lambda:eu-west-1:1:function:x"));
        Assert.Contains("execution:MACHINE:NAME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachFinding_ComesWithItsSentenceAndFix()
    {
        await KeepAsync(EstateListing.DynamoDbTables, Tables(("unprotected", null), ("fresh-pitr", Now.AddMinutes(-5)), ("stale-backup", null), ("drilled-ok", Now.AddMinutes(-5)), ("drilled-failing", Now.AddMinutes(-5)), ("drilled-stale", Now.AddMinutes(-5))));
        await KeepAsync(EstateListing.DynamoDbBackups, new JsonObject { ["BackupSummaries"] = new JsonArray(Backup("stale-backup", Now.AddHours(-30), "USER")) });
        await PlanAsync("ok", "drilled-ok", (Now.AddDays(-1), Verdict.Pass));
        await PlanAsync("failing", "drilled-failing", (Now.AddDays(-3), Verdict.Pass), (Now.AddDays(-1), Verdict.Fail));
        await PlanAsync("stale", "drilled-stale", (Now.AddDays(-9), Verdict.Pass));

        var audit = await JudgeAsync();

        Assert.Equal([FindingKind.NotProtected, FindingKind.NotDrilled], Kinds(audit, "unprotected"));
        Assert.Equal([FindingKind.NotDrilled], Kinds(audit, "fresh-pitr"));
        Assert.Equal([FindingKind.BackupStale, FindingKind.NotDrilled], Kinds(audit, "stale-backup"));
        Assert.Empty(Kinds(audit, "drilled-ok"));
        Assert.Equal([FindingKind.DrillFailing], Kinds(audit, "drilled-failing"));
        Assert.Equal([FindingKind.DrillStale], Kinds(audit, "drilled-stale"));

        var stale = Assert.Single(Entry(audit, "stale-backup").Findings, f => f.Kind == FindingKind.BackupStale);
        Assert.Equal("DynamoDB table stale-backup's newest recovery point is 30 h old (on-demand backup, 2026-12-01 06:00 UTC), beyond 26 h.", stale.Sentence);
        Assert.Contains("update-continuous-backups --table-name unprotected", Assert.Single(Entry(audit, "unprotected").Findings, f => f.Kind == FindingKind.NotProtected).Fix, StringComparison.Ordinal);
        Assert.Contains("ended FAIL", Assert.Single(Entry(audit, "drilled-failing").Findings, f => !f.Advisory).Sentence, StringComparison.Ordinal);
        Assert.Contains("9 d 0 h", Assert.Single(Entry(audit, "drilled-stale").Findings, f => !f.Advisory).Sentence, StringComparison.Ordinal);
        Assert.Equal(FindingKind.NotProtected, audit.Worst);
        Assert.Equal("3 of 6 resources are drilled; 1 has no backup of any kind: unprotected; 1 has a stale backup: stale-backup; 1 fails its drill.", audit.Headline());
        Assert.Same(audit, _store.Audits.Single());
    }

    /// <summary>Only a DynamoDB table has point-in-time recovery to turn on; databases have automated backups; the rest only AWS Backup.</summary>
    [Theory]
    [InlineData(ScratchKinds.DynamoDbTable, "update-continuous-backups --table-name ledger", "update-continuous-backups --table-name ledger")]
    [InlineData(ScratchKinds.RdsInstance, "backup retention period", "automated backups (a backup retention period above 0, and the latest restorable time describe-db-instances shows)")]
    [InlineData(ScratchKinds.RdsCluster, "backup retention period", "automated backups (a backup retention period above 0, and the latest restorable time describe-db-clusters shows)")]
    [InlineData(ScratchKinds.EbsVolume, "AWS Backup plan", "Snapshots taken outside AWS Backup (Data Lifecycle Manager, scripts) are not seen")]
    [InlineData(ScratchKinds.EfsFileSystem, "AWS Backup plan", "the AWS Backup plan that selects it (or the file system's automatic backups)")]
    [InlineData(ScratchKinds.S3Bucket, "AWS Backup plan", "the AWS Backup plan that selects it: a rule that runs at least daily, or continuous backup")]
    public void EachKind_IsToldWhatFitsIt_WhenUnprotectedOrItsBackupIsStale(string kind, string protectFix, string staleFix)
    {
        var entry = new CoverageEntry("arn:aws:x", kind, "ledger");
        var stale = entry with { Protections = [new Protection(Protection.AwsBackup, Now.AddHours(-30))], Plans = ["p"], LastPassAt = Now };

        var unprotected = Assert.Single(JudgeCoverage.Judge(entry, Now, CoverageThresholds.Default), f => f.Kind == FindingKind.NotProtected);
        var old = Assert.Single(JudgeCoverage.Judge(stale, Now, CoverageThresholds.Default));

        Assert.Equal(FindingKind.BackupStale, old.Kind);
        Assert.Contains(protectFix, unprotected.Fix, StringComparison.Ordinal);
        Assert.Contains(staleFix, old.Fix, StringComparison.Ordinal);
        var pitrFits = kind == ScratchKinds.DynamoDbTable;
        Assert.Equal(pitrFits, unprotected.Fix.Contains("point-in-time recovery", StringComparison.Ordinal));
        Assert.Equal(pitrFits, old.Fix.Contains("point-in-time recovery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Thresholds_AreTheAuditsOwn()
    {
        await KeepAsync(EstateListing.DynamoDbTables, Tables(("ledger", null)));
        await KeepAsync(EstateListing.DynamoDbBackups, new JsonObject { ["BackupSummaries"] = new JsonArray(Backup("ledger", Now.AddHours(-30), "AWS_BACKUP")) });
        await PlanAsync("p", "ledger", (Now.AddDays(-5), Verdict.Pass));

        Assert.Empty(Kinds(await JudgeAsync(CoverageThresholds.From(48, 8)), "ledger"));
        Assert.Equal([FindingKind.BackupStale, FindingKind.DrillStale], Kinds(await JudgeAsync(CoverageThresholds.From(24, 4)), "ledger"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageThresholds.From(0, null));
        Assert.Contains("drillStaleDays", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageThresholds.From(null, 400)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunnersOwn_Scratch_AndWhatAPlanExcludes_AreLeftOutWithTheReason_AndJudgeNothing()
    {
        await KeepAsync(EstateListing.DynamoDbTables, Tables(("drill-runs", null), ("drill-20261202-030000-ab12-orders", null), ("sessions-cache", null), ("orders", Now)));
        await KeepAsync(EstateListing.EbsVolumes, new JsonObject
        {
            ["Volumes"] = new JsonArray(
                new JsonObject { ["VolumeId"] = "vol-1", ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "drill:run-id", ["Value"] = "r1" }) },
                new JsonObject { ["VolumeId"] = "vol-2", ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "Name", ["Value"] = "uploads" }) }),
        });
        await _plans.SaveAsync("p", PlanJson("p", "orders", """ "coverage": { "exclude": [ { "resource": "sessions-cache", "reason": "rebuilt on start" }, { "resource": "vol-2", "reason": "scratch space" } ] }, """), Now, default);

        var audit = await JudgeAsync(runner: new RunnerResources("drill-runs", "drill-"));

        Assert.Equal("DrillRunner's own runs table", Entry(audit, "drill-runs").ExcludedBecause);
        Assert.Contains("scratch", Entry(audit, "drill-20261202-030000-ab12-orders").ExcludedBecause, StringComparison.Ordinal);
        Assert.Equal("excluded by plan p: rebuilt on start", Entry(audit, "sessions-cache").ExcludedBecause);
        Assert.Contains("run r1", Entry(audit, "vol-1").ExcludedBecause, StringComparison.Ordinal);
        Assert.Equal("excluded by plan p: scratch space", Entry(audit, "uploads (vol-2)").ExcludedBecause);
        Assert.All(audit.Excluded, e => Assert.Empty(e.Findings));
        Assert.Equal(["orders"], audit.Judged.Select(e => e.Name));
    }

    [Fact]
    public async Task AResourceOnlyABackupNames_IsNotJudged_AndAnRdsInstanceOfACluster_IsItsCluster()
    {
        await KeepAsync(EstateListing.ProtectedResources, new JsonObject { ["Results"] = new JsonArray(new JsonObject { ["ResourceArn"] = Scope.TableArn("deleted-last-year"), ["LastBackupTime"] = "2025-01-01T00:00:00Z" }) });
        await KeepAsync(EstateListing.RdsInstances, new JsonObject
        {
            ["DBInstances"] = new JsonArray(
                new JsonObject { ["DBInstanceArn"] = "arn:aws:rds:eu-west-1:111122223333:db:ledger-1", ["DBInstanceIdentifier"] = "ledger-1", ["DBClusterIdentifier"] = "ledger", ["BackupRetentionPeriod"] = 7 },
                new JsonObject { ["DBInstanceArn"] = "arn:aws:rds:eu-west-1:111122223333:db:reports", ["DBInstanceIdentifier"] = "reports", ["BackupRetentionPeriod"] = 0 }),
        });

        var audit = await JudgeAsync();

        Assert.Equal(["reports"], audit.Resources.Select(r => r.Name));
        Assert.Contains("has no automated backups", Entry(audit, "reports").Findings[0].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APage_KeptTwice_CountsOnce_AndTheReaderGivesTheNextToken()
    {
        var page = Tables(("a", null));
        page["LastEvaluatedTableName"] = "a";
        var first = await new RecordEstatePage(_store).ExecuteAsync("audit-1", EstateListing.DynamoDbTables.Name, page, Scope, default);
        await new RecordEstatePage(_store).ExecuteAsync("audit-1", EstateListing.DynamoDbTables.Name, page, Scope, default);

        Assert.Equal((1, "a"), first);
        Assert.Equal(1, _store.Pages("audit-1"));
        Assert.Equal(string.Empty, EstateReader.NextToken(EstateListing.DynamoDbTables, Tables(("b", null))));
        Assert.Contains("DynamoDbTables", Assert.Throws<ArgumentException>(() => new RecordEstatePage(_store).ExecuteAsync("a", "Nope", page, Scope, default).GetAwaiter().GetResult()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_AreReadAsStepFunctionsGivesThem_OrAsEpochSeconds()
    {
        var iso = EstateReader.Read(EstateListing.DynamoDbBackups, new JsonObject { ["BackupSummaries"] = new JsonArray(Backup("t", Now.AddHours(-1), "USER")) }, Scope);
        var epoch = EstateReader.Read(EstateListing.DynamoDbBackups, new JsonObject { ["BackupSummaries"] = new JsonArray(new JsonObject { ["TableArn"] = Scope.TableArn("t"), ["BackupCreationDateTime"] = Now.AddHours(-1).ToUnixTimeSeconds(), ["BackupStatus"] = "AVAILABLE" }) }, Scope);

        Assert.Equal(Now.AddHours(-1), iso.Single().Protection!.NewestAt);
        Assert.Equal(Now.AddHours(-1), epoch.Single().Protection!.NewestAt);
    }

    [Fact]
    public async Task AStoredPlanThatNoLongerReads_IsNamed_AndItsTablesCountAsUndrilled()
    {
        await KeepAsync(EstateListing.DynamoDbTables, Tables(("orders", Now)));
        await _plans.SaveAsync("broken", """{ "name": "broken", "targets": [ { "id": "t", "type": "dynamodb", "tableName": "orders" } ] }""", Now, default);

        var audit = await JudgeAsync();

        Assert.Equal([FindingKind.NotDrilled], Kinds(audit, "orders"));
        Assert.StartsWith("broken v1: $.objectives is required.", Assert.Single(audit.UnreadablePlans), StringComparison.Ordinal);
        Assert.EndsWith("1 stored plan could not be read.", audit.Headline(), StringComparison.Ordinal);
    }

    [Fact]
    public void FindingNames_AreOneMapping_MostSevereFirst()
    {
        Assert.Equal("NOT_PROTECTED, STACK_DELETE_LOSES_DATA, BACKUP_STALE, DRILL_FAILING, NO_COPY_OUTSIDE_ACCOUNT, NO_COPY_OUTSIDE_REGION, NOT_DRILLED, NO_DELETION_GUARD, VAULT_NOT_LOCKED, DRILL_STALE", FindingNames.List);
        Assert.Equal(FindingKind.BackupStale, FindingNames.Parse("backup_stale"));
        Assert.Null(FindingNames.Parse("STALE"));
        Assert.All(Enum.GetValues<FindingKind>(), k => Assert.Equal(k, FindingNames.Parse(FindingNames.Of(k))));
    }

    [Fact]
    public async Task ATableAPlansSelectRuleMatches_IsDrilledByThatPlan_AndWhatItsLatestDrillSelectedCountsToo()
    {
        await KeepAsync(EstateListing.DynamoDbTables, Tables(("shop-orders", Now.AddMinutes(-5)), ("shop-tagged", Now.AddMinutes(-5)), ("billing", Now.AddMinutes(-5))));
        await _plans.SaveAsync("shop", """
            { "name": "shop", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
              "select": [ { "id": "by-name", "type": "dynamodb", "namePattern": "shop-o*" }, { "id": "by-tag", "type": "dynamodb", "tags": [ { "key": "app", "equals": "shop" } ] } ] }
            """, Now, default);
        await _runs.CreateAsync(
            new DrillRun("shop-1", "shop", 1, "{}", "schedule", Now.AddDays(-1))
            {
                Status = RunStatus.TornDown,
                Verdict = Verdict.Pass,
                Selection = new RunSelection([new SelectedTarget("by-tag", "shop-tagged", "shop-tagged")], []),
            },
            [],
            default);

        var audit = await JudgeAsync();

        Assert.Equal(["shop"], Entry(audit, "shop-orders").Plans);
        Assert.Equal(["shop"], Entry(audit, "shop-tagged").Plans);
        Assert.Equal([FindingKind.NotDrilled], Kinds(audit, "billing"));
    }

    private async Task<CoverageAudit> JudgeAsync(CoverageThresholds? thresholds = null, RunnerResources? runner = null) =>
        await new JudgeCoverage(_plans, _runs, _store, _clock).ExecuteAsync("audit-1", Scope, Now.AddMinutes(-3), thresholds ?? CoverageThresholds.Default, runner ?? new RunnerResources("DrillRuns", "drill-"), default);

    private Task KeepAsync(EstateListing listing, JsonObject page) => new RecordEstatePage(_store).ExecuteAsync("audit-1", listing.Name, page, Scope, default);

    private async Task PlanAsync(string plan, string table, params (DateTimeOffset At, Verdict Verdict)[] drills)
    {
        await _plans.SaveAsync(plan, PlanJson(plan, table, string.Empty), Now, default);
        foreach (var (at, verdict) in drills)
        {
            var runId = $"{plan}-{at:yyyyMMddHH}";
            await _runs.CreateAsync(new DrillRun(runId, plan, 1, "{}", "schedule", at) { Status = RunStatus.TornDown, Verdict = verdict, VerdictReason = verdict == Verdict.Pass ? "ok" : "restore failed" }, [], default);
        }
    }

    private static string PlanJson(string name, string table, string extra) => $$"""
        { "name": "{{name}}", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-", {{extra}}
          "targets": [ { "id": "t", "type": "dynamodb", "tableName": "{{table}}" } ] }
        """;

    /// <summary>A ListTables page with each table's DescribeContinuousBackups answer (PITR on when a latest restorable time is given).</summary>
    private static JsonObject Tables(params (string Name, DateTimeOffset? Latest)[] tables) => new()
    {
        ["TableNames"] = new JsonArray([.. tables.Select(t => (JsonNode)t.Name)]),
        [EstateReader.PitrMember] = new JsonArray([.. tables.Select(t => (JsonNode)new JsonObject
        {
            ["TableName"] = t.Name,
            [EstateReader.PitrAnswerMember] = new JsonObject
            {
                ["ContinuousBackupsDescription"] = new JsonObject
                {
                    ["ContinuousBackupsStatus"] = "ENABLED",
                    ["PointInTimeRecoveryDescription"] = t.Latest is { } latest
                        ? new JsonObject { ["PointInTimeRecoveryStatus"] = "ENABLED", ["EarliestRestorableDateTime"] = Iso(latest.AddDays(-35)), ["LatestRestorableDateTime"] = Iso(latest) }
                        : new JsonObject { ["PointInTimeRecoveryStatus"] = "DISABLED" },
                },
            },
        })]),
    };

    private static JsonObject Backup(string table, DateTimeOffset at, string type) => new()
    {
        ["TableName"] = table,
        ["TableArn"] = Scope.TableArn(table),
        ["BackupCreationDateTime"] = Iso(at),
        ["BackupStatus"] = "AVAILABLE",
        ["BackupType"] = type,
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static CoverageEntry Entry(CoverageAudit audit, string name) => audit.Resources.Single(r => r.Name == name);

    /// <summary>The findings that count (survival findings for events not required are advisory; the survival tests cover them).</summary>
    private static FindingKind[] Kinds(CoverageAudit audit, string name) => [.. Entry(audit, name).Findings.Where(f => !f.Advisory).Select(f => f.Kind).OrderDescending()];
}
