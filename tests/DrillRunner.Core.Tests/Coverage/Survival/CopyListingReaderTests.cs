using System.Text.Json.Nodes;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Tests.Coverage.Survival;

/// <summary>EstateReader on the pages that say where each copy lives: vaults and their locks, each vault's recovery points, copy jobs, and DynamoDB backups.</summary>
public sealed class CopyListingReaderTests
{
    private const string Account = "111122223333";
    private const string OtherAccount = "444455556666";
    private static readonly AuditScope Scope = new("aws", "eu-west-1", Account);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Table = Scope.TableArn("orders");

    [Fact]
    public void Vaults_AreReadWithTheirLock_Unlocked_Governance_AndCompliance_AndAreNoResource()
    {
        var page = new JsonObject
        {
            ["BackupVaultList"] = new JsonArray(
                Vault("Default", locked: false),
                Vault("governed", locked: true, minDays: 7),
                Vault("sealed", locked: true, minDays: 30, lockDate: Now.AddDays(-3), type: "LOGICALLY_AIR_GAPPED_BACKUP_VAULT"),
                new JsonObject { ["BackupVaultName"] = "no-arn" }),
            ["NextToken"] = "next",
        };

        var seen = EstateReader.Read(EstateListing.BackupVaults, page, Scope);

        Assert.Equal(3, seen.Count);
        Assert.All(seen, o => Assert.Null(o.Kind));
        Assert.All(seen, o => Assert.Equal(o.Arn, o.Vault!.Arn));
        Assert.Equal(new VaultSeen("Default", VaultArn("Default"), false, null, null, "BACKUP_VAULT"), seen[0].Vault);
        Assert.Equal(new VaultSeen("governed", VaultArn("governed"), true, null, 7, "BACKUP_VAULT"), seen[1].Vault);
        Assert.Equal(new VaultSeen("sealed", VaultArn("sealed"), true, Now.AddDays(-3), 30, "LOGICALLY_AIR_GAPPED_BACKUP_VAULT"), seen[2].Vault);
        Assert.Equal("next", EstateReader.NextToken(EstateListing.BackupVaults, page));
        Assert.Equal(seen, EstateReader.Read(EstateListing.SharedBackupVaults, page, Scope));
    }

    [Fact]
    public void AVaultWithMembersMissingOrMistyped_IsUnlockedAndUnknown_NotGuessed()
    {
        var seen = EstateReader.Read(EstateListing.BackupVaults, new JsonObject { ["BackupVaultList"] = new JsonArray(new JsonObject { ["BackupVaultArn"] = VaultArn("bare"), ["Locked"] = "true", ["MinRetentionDays"] = "7" }) }, Scope);

        Assert.Equal(new VaultSeen("bare", VaultArn("bare"), false, null, null, null), Assert.Single(seen).Vault);
    }

    [Fact]
    public void RecoveryPointsOfAVault_AreCopiesOfTheirResource_WhereTheVaultIs_OnlyWhenCompleted()
    {
        var shared = $"arn:aws:backup:eu-west-1:{OtherAccount}:backup-vault:air-gapped";
        var page = new JsonObject
        {
            ["RecoveryPoints"] = new JsonArray(
                Point("rp-1", VaultArn("Default"), "COMPLETED", Now.AddHours(-2)),
                Point("rp-2", shared, "COMPLETED", Now.AddHours(-5)),
                Point("rp-3", VaultArn("Default"), "PARTIAL", Now.AddHours(-1)),
                Point("rp-4", VaultArn("Default"), "EXPIRED", Now.AddHours(-1)),
                new JsonObject { ["RecoveryPointArn"] = "rp-5", ["Status"] = "COMPLETED" }),
        };

        var seen = EstateReader.Read(EstateListing.VaultRecoveryPoints, page, Scope);

        Assert.Equal(2, seen.Count);
        Assert.All(seen, o => Assert.Equal(Table, o.Arn));
        Assert.All(seen, o => Assert.Null(o.Kind));
        Assert.Equal(new CopySeen(CopyKind.RecoveryPoint, VaultArn("Default"), Account, "eu-west-1", Now.AddHours(-2), "rp-1"), seen[0].Copy);
        Assert.Equal(new CopySeen(CopyKind.RecoveryPoint, shared, OtherAccount, "eu-west-1", Now.AddHours(-5), "rp-2"), seen[1].Copy);
    }

    [Fact]
    public void CopyJobs_NameTheDestinationsAccountAndRegion_AndSayNothingOfItsLock()
    {
        var crossAccount = $"arn:aws:backup:us-west-2:{OtherAccount}:backup-vault:dr";
        var page = new JsonObject
        {
            ["CopyJobs"] = new JsonArray(
                Job(crossAccount, "COMPLETED", "rp-dr"),
                Job(VaultArn("copies"), "COMPLETED", "rp-local", completed: false),
                Job(crossAccount, "FAILED", "rp-failed"),
                Job("not-an-arn", "COMPLETED", "rp-bad")),
        };

        var seen = EstateReader.Read(EstateListing.CopyJobs, page, Scope);

        Assert.Equal(2, seen.Count);
        Assert.Equal(new CopySeen(CopyKind.CopyJob, crossAccount, OtherAccount, "us-west-2", Now.AddHours(-1), "rp-dr"), seen[0].Copy);
        Assert.Equal(new CopySeen(CopyKind.CopyJob, VaultArn("copies"), Account, "eu-west-1", Now.AddHours(-2), "rp-local"), seen[1].Copy);
        Assert.All(seen, o => Assert.Null(o.Vault));
    }

    [Fact]
    public void DynamoDbBackups_OnDemandAndSystem_AreCopies_AnAwsBackupOneIsLeftToItsVault()
    {
        var page = new JsonObject
        {
            ["BackupSummaries"] = new JsonArray(
                Backup("USER", "b-user"),
                Backup("SYSTEM", "b-system"),
                Backup("AWS_BACKUP", "b-aws-backup")),
        };

        var seen = EstateReader.Read(EstateListing.DynamoDbBackups, page, Scope);

        Assert.Equal(3, seen.Count);
        Assert.Equal(new CopySeen(CopyKind.OnDemandBackup, null, Account, "eu-west-1", Now.AddDays(-1), $"{Table}/backup/b-user"), seen[0].Copy);
        Assert.Equal(new CopySeen(CopyKind.SystemBackup, null, Account, "eu-west-1", Now.AddDays(-1), $"{Table}/backup/b-system"), seen[1].Copy);
        Assert.Null(seen[2].Copy);
        Assert.Equal(Protection.AwsBackup, seen[2].Protection!.Source);
    }

    [Fact]
    public void TheCopyListings_AreListingsTheAuditMakes_AndTheVaultsPointsAreListedPerVault()
    {
        Assert.All(EstateListing.Copies, l => Assert.Same(l, EstateListing.Named(l.Name)));
        Assert.Equal(EstateListing.BackupVaults, EstateListing.VaultRecoveryPoints.PerItemOf);
        Assert.All(EstateListing.Copies.Where(l => l != EstateListing.VaultRecoveryPoints), l => Assert.Null(l.PerItemOf));
        Assert.True(EstateListing.SharedBackupVaults.FixedFlags["ByShared"]);
        Assert.Equal("COMPLETED", EstateListing.CopyJobs.Fixed["ByState"]);
    }

    private static string VaultArn(string name) => $"arn:aws:backup:eu-west-1:{Account}:backup-vault:{name}";

    private static JsonObject Vault(string name, bool locked, int? minDays = null, DateTimeOffset? lockDate = null, string type = "BACKUP_VAULT")
    {
        var vault = new JsonObject { ["BackupVaultName"] = name, ["BackupVaultArn"] = VaultArn(name), ["VaultType"] = type, ["Locked"] = locked };
        if (minDays is { } min)
        {
            vault["MinRetentionDays"] = min;
        }

        if (lockDate is { } date)
        {
            vault["LockDate"] = Iso(date);
        }

        return vault;
    }

    private static JsonObject Point(string arn, string vault, string status, DateTimeOffset created) => new()
    {
        ["RecoveryPointArn"] = arn,
        ["BackupVaultArn"] = vault,
        ["ResourceArn"] = Table,
        ["Status"] = status,
        ["CreationDate"] = Iso(created),
    };

    private static JsonObject Job(string destination, string state, string point, bool completed = true)
    {
        var job = new JsonObject
        {
            ["ResourceArn"] = Table,
            ["State"] = state,
            ["DestinationBackupVaultArn"] = destination,
            ["DestinationRecoveryPointArn"] = point,
            ["CreationDate"] = Iso(Now.AddHours(-2)),
        };
        if (completed)
        {
            job["CompletionDate"] = Iso(Now.AddHours(-1));
        }

        return job;
    }

    private static JsonObject Backup(string type, string name) => new()
    {
        ["TableName"] = "orders",
        ["TableArn"] = Table,
        ["BackupArn"] = $"{Table}/backup/{name}",
        ["BackupCreationDateTime"] = Iso(Now.AddDays(-1)),
        ["BackupStatus"] = "AVAILABLE",
        ["BackupType"] = type,
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
