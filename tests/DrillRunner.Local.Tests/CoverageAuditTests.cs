using System.Text.Json.Nodes;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>The coverage audit's state machine, through the local engine, the local AWS world and the DynamoDB stand-in.</summary>
public sealed class CoverageAuditTests
{
    [Fact]
    public async Task Audit_FindsEverySeededProblem_ExcludesWhatItShould_PagesEveryListing_RecordsEveryCopyAndVault_AndWritesNothingItLooksAt()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        await DemoData.CreateSourceTableAsync(local.DynamoDb, default);
        await DemoData.CreateCustomersAsync(local.DynamoDb, default);
        await DemoData.EnablePitrAsync(local.DynamoDb, DemoData.SourceTable, default);
        await local.ApplyPlanAsync(DemoPlan.Json(new Uri("http://127.0.0.1:1")), TimeProvider.System, default);
        await CoverageEstate.SeedAsync(local, DemoScenario.Find(DemoScenario.Healthy)!, TimeProvider.System, _ => { }, default);
        var now = TimeProvider.System.GetUtcNow();
        await Demo.HistorySeeder.WriteRunAsync(local.Services.Runs, DemoPlan.Name, "demo-pass", now.AddDays(-2), Core.Runs.Verdict.Pass, new Random(1), default);

        // Three of every other kind, so that every listing is paged at two a page.
        for (var i = 1; i <= 3; i++)
        {
            local.Aws.AddRecoveryPoint(local.Aws.AddSource(ScratchKinds.EfsFileSystem, $"fs-00000000000000{i:D3}"), now.AddHours(-1));
            local.Aws.AddSource(ScratchKinds.RdsCluster, $"aurora-{i}");
            local.Aws.AddSource(ScratchKinds.RdsInstance, $"extra-db-{i}");
            local.Aws.AddSource(ScratchKinds.EbsVolume, $"vol-00000000000000{i:D3}");
            local.S3.CreateBucket($"extra-bucket-{i}");
            await local.DynamoDb.CreateBackupAsync(new Amazon.DynamoDBv2.Model.CreateBackupRequest { TableName = CoverageEstate.UndrilledTable, BackupName = $"b{i}" });
            local.Aws.AddVault($"copies-{i}", vaultLock: i == 1 ? new LocalVaultLock(30, null, now.AddDays(-1)) : null);
            local.Aws.AddVault($"shared-{i}", LocalAwsWorld.SecondAccount, vaultType: LocalVault.LogicallyAirGapped, vaultLock: new LocalVaultLock(14, null, null), sharedWithLocalAccount: true);
            local.Aws.AddStack($"extra-stack-{i}", """{ "Resources": {} }""", []);
        }

        // One file system's newest point, copied to a locked vault here, to a vault another account shares, and to another account's vault in another region.
        var copied = local.Aws.PointsIn(LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, LocalAwsWorld.DefaultVault)).First(p => p.Kind == RestoreKinds.EfsFileSystem);
        var west = local.Aws.AddVault("west", LocalAwsWorld.SecondAccount, LocalAwsWorld.SecondRegion, vaultLock: new LocalVaultLock(7, null, now.AddDays(-1)));
        local.Aws.CopyRecoveryPoint(copied, LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, "copies-1"));
        local.Aws.CopyRecoveryPoint(copied, LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.SecondAccount, "shared-1"));
        local.Aws.CopyRecoveryPoint(copied, west.Arn);

        local.Aws.EstatePageSize = 2;
        var before = local.Aws.Calls.Count;

        var execution = await local.RunCoverageAuditAsync(DemoPlan.ScratchPrefix, new JsonObject(), TimeProvider.System, default, auditId: "audit-1");

        Assert.True(execution.Succeeded, $"{execution.Error}: {execution.Cause}");
        var audit = await local.Services.Coverage.GetAsync("audit-1", default);
        Assert.NotNull(audit);
        Assert.Equal(LocalAwsWorld.Account, audit.Account);
        Assert.Equal(LocalAwsWorld.Region, audit.Region);

        AssertFindings(audit, CoverageEstate.UnprotectedTable, FindingKind.NotProtected, FindingKind.NotDrilled);
        AssertFindings(audit, CoverageEstate.UnprotectedDatabase, FindingKind.NotProtected, FindingKind.NotDrilled);
        AssertFindings(audit, CoverageEstate.StaleVolume, FindingKind.BackupStale, FindingKind.NotDrilled);
        AssertFindings(audit, DemoPlan.InvoiceBucket, FindingKind.NotDrilled);
        AssertFindings(audit, CoverageEstate.UndrilledTable, FindingKind.NotDrilled);
        AssertFindings(audit, DemoPlan.BillingDatabase, FindingKind.DrillFailing, FindingKind.DrillStale);
        AssertFindings(audit, DemoData.SourceTable);
        AssertFindings(audit, DemoData.CustomersTable);

        Assert.Contains(Entry(audit, CoverageEstate.UnprotectedTable).Findings, f => f.Sentence.Contains("no point-in-time recovery", StringComparison.Ordinal) && f.Fix.Contains("update-continuous-backups", StringComparison.Ordinal));
        Assert.Contains(Entry(audit, CoverageEstate.StaleVolume).Findings, f => f.Sentence.Contains("3 d 0 h old", StringComparison.Ordinal));
        Assert.Equal(true, Entry(audit, DemoData.SourceTable).PitrEnabled);
        Assert.NotNull(Entry(audit, DemoData.SourceTable).LatestRestorable);
        Assert.Equal([DemoPlan.Name], Entry(audit, DemoData.SourceTable).Plans);
        Assert.Equal("demo-pass", Entry(audit, DemoData.SourceTable).LastDrill?.RunId);
        Assert.Contains(Entry(audit, CoverageEstate.UndrilledTable).Protections, p => p.Source == Protection.OnDemandBackup);

        Assert.Contains(CoverageEstate.ExcludedReason, Entry(audit, CoverageEstate.ExcludedTable).ExcludedBecause);
        Assert.Contains("scratch", Entry(audit, CoverageEstate.ScratchVolume).ExcludedBecause);
        Assert.Contains("own", Entry(audit, LocalDrillEnvironment.RunsTableName).ExcludedBecause);
        Assert.All(audit.Excluded, e => Assert.Empty(e.Findings));
        Assert.Equal(3, audit.Resources.Count(r => r.Kind == ScratchKinds.EfsFileSystem));
        Assert.Equal(3, audit.Resources.Count(r => r.Kind == ScratchKinds.RdsCluster));

        var calls = local.Aws.Calls.Skip(before).ToList();
        foreach (var listing in EstateListing.All)
        {
            Assert.True(calls.Count(c => c.Service == listing.Service && c.Action == listing.Action && c.Input[listing.RequestToken] is not null) > 0, $"{listing.Name} was never asked for a second page");
        }

        AssertReadOnlyAsTheModelsSay(calls);

        Assert.Empty(local.SourceWrites);

        // Every vault it may see, with its lock; every copy of the file system, where it lives; nothing invented of the other region's vault.
        var observed = await local.Services.Coverage.ReadPagesAsync("audit-1", default);
        var vaults = observed.Select(o => o.Vault).OfType<Core.Coverage.Survival.VaultSeen>().ToList();
        Assert.Equal(["Default", "copies-1", "copies-2", "copies-3", "shared-1", "shared-2", "shared-3"], vaults.Select(v => v.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(vaults, v => v.Name == "copies-1" && v.Locked && v.MinRetentionDays == 30 && v.LockDate is not null);
        Assert.All(vaults.Where(v => v.Name.StartsWith("shared", StringComparison.Ordinal)), v => Assert.Contains($":{LocalAwsWorld.SecondAccount}:", v.Arn, StringComparison.Ordinal));
        Assert.DoesNotContain(observed, o => o.Arn == west.Arn);
        var copies = observed.Where(o => o.Arn == copied.ResourceArn).Select(o => o.Copy).OfType<Core.Coverage.Survival.CopySeen>().ToList();
        Assert.Contains(copies, c => c.Kind == Core.Coverage.Survival.CopyKind.RecoveryPoint && c.VaultArn!.EndsWith(":copies-1", StringComparison.Ordinal) && c.Account == LocalAwsWorld.Account);
        Assert.Contains(copies, c => c.Kind == Core.Coverage.Survival.CopyKind.RecoveryPoint && c.VaultArn!.EndsWith(":shared-1", StringComparison.Ordinal) && c.Account == LocalAwsWorld.SecondAccount);
        Assert.Contains(copies, c => c.Kind == Core.Coverage.Survival.CopyKind.CopyJob && c.VaultArn == west.Arn && c.Region == LocalAwsWorld.SecondRegion && c.Account == LocalAwsWorld.SecondAccount);
        Assert.Contains(observed, o => o.Copy?.Kind == Core.Coverage.Survival.CopyKind.OnDemandBackup && o.Arn.EndsWith("/" + CoverageEstate.UndrilledTable, StringComparison.Ordinal));

        // The metric the alarm watches, and the summary published to the topic.
        var unprotected = audit.Count(FindingKind.NotProtected);
        Assert.Equal(8, unprotected);
        Assert.Contains(local.FunctionLog.Split('\n'), line => line.Contains($"\"UnprotectedResources\":{unprotected},", StringComparison.Ordinal));
        var published = Assert.Single(local.Functions.Published);
        Assert.Equal(LocalDrillEnvironment.CoverageTopicArn, published["TopicArn"]!.GetValue<string>());
        Assert.Equal($"DrillRunner coverage: {unprotected} NOT_PROTECTED in us-east-1", published["Subject"]!.GetValue<string>());
        Assert.Contains(audit.Headline(), published["Message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static CoverageEntry Entry(CoverageAudit audit, string name) =>
        audit.Resources.SingleOrDefault(r => r.Name == name || r.Arn.EndsWith("/" + name, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"no entry for {name} among {string.Join(", ", audit.Resources.Select(r => r.Name))}");

    private static void AssertFindings(CoverageAudit audit, string name, params FindingKind[] expected) =>
        Assert.Equal(expected.Order(), Entry(audit, name).Findings.Where(f => !f.Advisory).Select(f => f.Kind).Order());

    /// <summary>Every call the audit made succeeded, only read (list, describe or get), and was asked and answered in the API model's shapes.</summary>
    internal static void AssertReadOnlyAsTheModelsSay(IEnumerable<LocalAwsCall> calls)
    {
        foreach (var call in calls)
        {
            Assert.Null(call.Error);
            Assert.Matches("^(list|describe|get)", call.Action);
            var model = ApiModel.For(call.Service);
            var operation = model.Operation(call.Action)!;
            Assert.Empty(model.CheckInput(operation, call.Input));
            Assert.Empty(model.CheckOutput(operation, call.Output!));
        }
    }
}
