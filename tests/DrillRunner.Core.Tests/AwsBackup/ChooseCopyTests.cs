using System.Text.Json;
using DrillRunner.Core.AwsBackup;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.AwsBackup;

/// <summary>ChooseRecoveryPoint for targets that name a vault or copyOf: which listing comes next, copies only, across vaults and pages, and the copy recorded.</summary>
public sealed class ChooseCopyTests
{
    private const string Source = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";
    private const string OwnVault = "arn:aws:backup:eu-central-1:444455556666:backup-vault:local-copies";
    private const string SharedVault = "arn:aws:backup:eu-central-1:777788889999:backup-vault:air-gapped";
    private const string SourceVault = "arn:aws:backup:eu-west-1:111122223333:backup-vault:prod";
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryPlanStore _plans = new();

    [Fact]
    public async Task CopyOf_ListsOwnThenSharedVaults_ThenEachVaultsPoints_AndKeepsTheNewestCopy_NotANewerOriginal()
    {
        var runId = await BeginAsync($$"""{ "copyOf": "{{Source}}" }""");
        var choose = new ChooseRecoveryPoint(_runs, _clock);

        var start = await choose.ExecuteAsync(new RecoveryPointPage(runId, "orders", null, FirstPage: true) { Call = PointListing.Start }, default);
        var shared = await choose.ExecuteAsync(Vaults(runId, OwnVault), default);
        var firstVault = await choose.ExecuteAsync(Vaults(runId, SharedVault), default);
        var secondVault = await choose.ExecuteAsync(Points(runId, null, ("rp-original", -5, OwnVault, null), ("rp-old-copy", -600, OwnVault, SourceVault)), default);
        var last = await choose.ExecuteAsync(Points(runId, null, ("rp-copy", -90, SharedVault, SourceVault)), default);

        Assert.Equal((PointListing.Vaults, null), (start.Listing!.Call, start.Listing.Request.ByShared));
        Assert.Equal((PointListing.Vaults, true), (shared.Listing!.Call, shared.Listing.Request.ByShared));
        Assert.Equal(new PointListingRequest { BackupVaultName = "local-copies", ByResourceArn = Source, MaxResults = ChooseRecoveryPoint.VaultPageSize }, firstVault.Listing!.Request);
        Assert.Equal(new PointListingRequest { BackupVaultName = "air-gapped", BackupVaultAccountId = "777788889999", ByResourceArn = Source, MaxResults = ChooseRecoveryPoint.VaultPageSize }, secondVault.Listing!.Request);
        Assert.False(last.MorePages);
        Assert.Equal("rp-copy", last.RecoveryPointArn);
        Assert.Equal(new RestoreMetadataRequest("air-gapped", "rp-copy") { BackupVaultAccountId = "777788889999" }, last.Metadata);

        // RPO is measured from the copy's own CreationDate; the run records which copy it proved.
        var record = await _runs.GetTargetAsync(runId, "orders", default);
        Assert.Equal(T0.AddMinutes(-90), record.RecoveryPoint!.CreatedAt);
        var copy = record.Backup!.Copy!;
        Assert.Equal(("air-gapped", "777788889999", "eu-central-1", SourceVault, T0.AddMinutes(-90)), (copy.VaultName, copy.Account, copy.Region, copy.SourceBackupVaultArn, copy.CreatedAt));
        Assert.Contains("not a copy", record.Backup.NewestSkipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedVaultOfAnotherAccount_IsListedDirectly_PageByPage_WithItsAccount()
    {
        var runId = await BeginAsync($$"""{ "vault": "{{SharedVault}}" }""", $"\"resourceArn\": \"{Source}\", ");
        var choose = new ChooseRecoveryPoint(_runs, _clock);

        var start = await choose.ExecuteAsync(new RecoveryPointPage(runId, "orders", null, FirstPage: true) { Call = PointListing.Start }, default);
        var second = await choose.ExecuteAsync(Points(runId, "t2", ("rp-a", -300, SharedVault, SourceVault)), default);
        var last = await choose.ExecuteAsync(Points(runId, null, ("rp-b", -30, SharedVault, null)), default);

        Assert.Equal(new PointListingRequest { BackupVaultName = "air-gapped", BackupVaultAccountId = "777788889999", ByResourceArn = Source, MaxResults = ChooseRecoveryPoint.VaultPageSize }, start.Listing!.Request);
        Assert.Equal("t2", second.Listing!.Request.NextToken);
        Assert.Equal(PointListing.Points, second.Listing.Call);
        Assert.Equal("rp-b", last.RecoveryPointArn);
        Assert.Equal("777788889999", last.Metadata!.BackupVaultAccountId);
        Assert.False((await _runs.GetTargetAsync(runId, "orders", default)).Backup!.Copy!.IsCopy);
    }

    [Fact]
    public async Task CopyOf_WithNoCopyInAnyVault_FailsTheTarget_NamingTheVaultsRead_AndWhatWasSkipped()
    {
        var runId = await BeginAsync($$"""{ "copyOf": "{{Source}}" }""");
        var choose = new ChooseRecoveryPoint(_runs, _clock);

        await choose.ExecuteAsync(new RecoveryPointPage(runId, "orders", null, FirstPage: true) { Call = PointListing.Start }, default);
        await choose.ExecuteAsync(Vaults(runId, OwnVault), default);
        await choose.ExecuteAsync(Vaults(runId), default);
        var error = await Assert.ThrowsAsync<RecoveryPointNotFound>(() => choose.ExecuteAsync(Points(runId, null, ("rp-original", -5, OwnVault, null)), default));

        Assert.Contains("no COMPLETED copy", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 vault(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("rp-original", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyOf_WithSelectOldest_DrawsTheOldestCopyAcrossVaults_ByTheSameRuleAsEveryTarget()
    {
        var runId = await BeginAsync($$"""{ "copyOf": "{{Source}}", "select": "oldest", "withinDays": 30 }""");
        var choose = new ChooseRecoveryPoint(_runs, _clock);

        await choose.ExecuteAsync(new RecoveryPointPage(runId, "orders", null, FirstPage: true) { Call = PointListing.Start }, default);
        await choose.ExecuteAsync(Vaults(runId, OwnVault), default);
        await choose.ExecuteAsync(Vaults(runId, SharedVault), default);
        await choose.ExecuteAsync(Points(runId, null, ("rp-too-old", -60 * 24 * 40, OwnVault, SourceVault), ("rp-mid", -600, OwnVault, SourceVault)), default);
        var last = await choose.ExecuteAsync(Points(runId, null, ("rp-new", -90, SharedVault, SourceVault)), default);

        Assert.Equal("rp-mid", last.RecoveryPointArn);
        Assert.Equal("local-copies", last.BackupVaultName);
        Assert.Null(last.Metadata!.BackupVaultAccountId);
        var record = await _runs.GetTargetAsync(runId, "orders", default);
        Assert.Equal(PointSelect.Oldest, record.RecoveryPoint!.Select);
        Assert.Contains("rp-too-old", record.Backup!.NewestSkipped ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerDeliveredTwice_SaysAgainWhatComesNext_AndSkipsNoVault()
    {
        var runId = await BeginAsync($$"""{ "copyOf": "{{Source}}" }""");
        var choose = new ChooseRecoveryPoint(_runs, _clock);

        var start = await choose.ExecuteAsync(new RecoveryPointPage(runId, "orders", null, FirstPage: true) { Call = PointListing.Start }, default);
        var ownVaults = Vaults(runId, OwnVault) with { Answered = start.Listing };
        var first = await choose.ExecuteAsync(ownVaults, default);
        var again = await choose.ExecuteAsync(ownVaults, default);
        var firstVault = await choose.ExecuteAsync(Vaults(runId, SharedVault) with { Answered = again.Listing }, default);

        Assert.Equal(first.Listing, again.Listing);
        Assert.True(again.Listing!.Request.ByShared);
        Assert.Equal("local-copies", firstVault.Listing!.Request.BackupVaultName);
        Assert.Equal(["air-gapped"], (await _runs.GetTargetAsync(runId, "orders", default)).Backup!.VaultsToRead!.Select(v => v.Name));
    }

    private async Task<string> BeginAsync(string recoveryPoint, string resourceArn = "")
    {
        await _plans.SaveAsync("recovery", $$"""
            {
              "name": "recovery", "objectives": { "rtoMinutes": 60, "rpoMinutes": 60 }, "scratchPrefix": "drill-",
              "targets": [ { "id": "orders", "type": "aws-backup", {{resourceArn}}"recoveryPoint": {{recoveryPoint}} } ]
            }
            """, T0, default);
        var begun = await new BeginDrill(_plans, _runs, new InMemoryDrillRequests(), new FakeRecoveryPoints(), _clock, new Random(1)).ExecuteAsync(new BeginRequest("recovery", "schedule", null, null, null), default);
        Assert.True(begun.Started, begun.Message);
        Assert.Equal(PointListing.Vaults, Assert.Single(begun.Targets).PointsFrom);
        return begun.RunId;
    }

    private static RecoveryPointPage Vaults(string runId, params string[] arns) => new(
        runId,
        "orders",
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["BackupVaultList"] = arns.Select(a => new Dictionary<string, object> { ["BackupVaultName"] = a[(a.LastIndexOf(':') + 1)..], ["BackupVaultArn"] = a }).ToList(),
        }),
        FirstPage: false) { Call = PointListing.Vaults };

    private static RecoveryPointPage Points(string runId, string? nextToken, params (string Arn, int Minutes, string Vault, string? SourceVault)[] points) => new(
        runId,
        "orders",
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["NextToken"] = nextToken,
            ["RecoveryPoints"] = points.Select(p => new Dictionary<string, object?>
            {
                ["RecoveryPointArn"] = p.Arn,
                ["CreationDate"] = T0.AddMinutes(p.Minutes).ToString("O"),
                ["Status"] = "COMPLETED",
                ["BackupVaultName"] = p.Vault[(p.Vault.LastIndexOf(':') + 1)..],
                ["BackupVaultArn"] = p.Vault,
                ["SourceBackupVaultArn"] = p.SourceVault,
                ["ResourceArn"] = Source,
            }).ToList(),
        }),
        FirstPage: false) { Call = PointListing.Points };
}
