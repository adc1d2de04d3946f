using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;
using static DrillRunner.Core.Tests.Coverage.Survival.SurvivalEstate;

namespace DrillRunner.Core.Tests.Coverage.Survival;

/// <summary>Would a resource's data survive the loss or compromise of its account, or the loss of its region: which copy counts, which lock counts, and what cannot be seen.</summary>
public sealed class AccountAndRegionLossTests
{
    private static readonly SurvivalEvent[] All = [SurvivalEvent.Stack, SurvivalEvent.Account, SurvivalEvent.Region];

    [Fact]
    public void ACopyInAnotherAccount_SurvivesTheAccount_ItsLockNotVisibleNeverAbsent()
    {
        var table = Table("orders");

        var survival = Judge(table, [Copy(table, CopyKind.CopyJob, VaultArn("vault-b", OtherAccount), OtherAccount)]);

        Assert.Equal(Survives.Yes, survival.AccountLost.Answer);
        Assert.Equal(VaultLock.NotVisible, survival.AccountLost.Copy?.Lock);
        Assert.Contains("lock: not visible from this account", survival.AccountLost.Because, StringComparison.Ordinal);
        Assert.Contains($"account {OtherAccount}", survival.AccountLost.Because, StringComparison.Ordinal);
        Assert.Equal(Survives.No, survival.RegionLost.Answer);
    }

    [Fact]
    public void ARecoveryPointInAComplianceVaultPastItsLockDate_SurvivesTheAccount()
    {
        var table = Table("orders");

        var survival = Judge(table, [Copy(table, CopyKind.RecoveryPoint, VaultArn("locked"))], vaults: Vault("locked", true, Now.AddDays(-1)));

        Assert.Equal(Survives.Yes, survival.AccountLost.Answer);
        Assert.Equal(VaultLock.Compliance, survival.AccountLost.Copy?.Lock);
        Assert.DoesNotContain(Findings(table, survival), f => f.Kind is FindingKind.NoCopyOutsideAccount or FindingKind.VaultNotLocked);
    }

    [Fact]
    public void ARecoveryPointInALogicallyAirGappedVault_SurvivesTheAccount()
    {
        var table = Table("orders");

        var survival = Judge(table, [Copy(table, CopyKind.RecoveryPoint, VaultArn("lag"))], vaults: Vault("lag", false, null, VaultLocks.LogicallyAirGapped));

        Assert.Equal(Survives.Yes, survival.AccountLost.Answer);
        Assert.Equal(VaultLock.AirGapped, survival.AccountLost.Copy?.Lock);
    }

    [Theory]
    [InlineData(false, null, VaultLock.None, "not locked")]
    [InlineData(true, null, VaultLock.Governance, "governance mode")]
    [InlineData(true, 5, VaultLock.ComplianceGrace, "removable until its lock date 2026-12-07")]
    public void ARecoveryPointInAVaultAnyoneInTheAccountCanEmpty_DoesNotCount_AndTheVaultIsNotLocked(bool locked, int? lockInDays, VaultLock expected, string said)
    {
        var table = Table("orders");
        var vault = Vault("main", locked, lockInDays is { } days ? Now.AddDays(days) : null);

        var survival = Judge(table, [Copy(table, CopyKind.RecoveryPoint, vault.Arn)], All, vaults: vault);
        var findings = Findings(table, survival);

        Assert.Equal(expected, Assert.Single(survival.Copies).Lock);
        Assert.Equal(Survives.No, survival.AccountLost.Answer);
        Assert.Contains("deletable by whoever controls it", survival.AccountLost.Because, StringComparison.Ordinal);
        Assert.Single(findings, f => f.Kind == FindingKind.NoCopyOutsideAccount);
        var unlocked = Assert.Single(findings, f => f.Kind == FindingKind.VaultNotLocked);
        Assert.Contains(said, unlocked.Sentence, StringComparison.Ordinal);
        Assert.Equal(expected != VaultLock.ComplianceGrace, unlocked.Fix.Contains("aws backup put-backup-vault-lock-configuration --backup-vault-name main --min-retention-days", StringComparison.Ordinal));
    }

    [Fact]
    public void AVaultOfThisAccountThatWasNotListed_LeavesTheAccountAnswerUnknown()
    {
        var table = Table("orders");

        var survival = Judge(table, [Copy(table, CopyKind.RecoveryPoint, VaultArn("unlisted"))]);

        Assert.Equal(VaultLock.NotRead, Assert.Single(survival.Copies).Lock);
        Assert.Equal(Survives.Unknown, survival.AccountLost.Answer);
        Assert.DoesNotContain(Findings(table, survival), f => f.Kind == FindingKind.NoCopyOutsideAccount);
    }

    [Fact]
    public void DynamoDbBackups_StayInTheAccountAndRegion_SoSurviveNeither()
    {
        var table = Table("orders");

        var survival = Judge(table, [Copy(table, CopyKind.OnDemandBackup, null), Copy(table, CopyKind.SystemBackup, null)], All);
        var findings = Findings(table, survival);

        Assert.Equal((Survives.No, Survives.No), (survival.AccountLost.Answer, survival.RegionLost.Answer));
        Assert.Contains("every copy is in eu-west-1", survival.RegionLost.Because, StringComparison.Ordinal);
        Assert.Single(findings, f => f.Kind == FindingKind.NoCopyOutsideAccount);
        Assert.Single(findings, f => f.Kind == FindingKind.NoCopyOutsideRegion);
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.VaultNotLocked);
    }

    [Fact]
    public void ACopyInAnotherRegion_SurvivesTheRegion_AndIsNamed()
    {
        var table = Table("orders");
        var vault = VaultArn("dr", region: OtherRegion);

        var survival = Judge(table, [Copy(table, CopyKind.RecoveryPoint, VaultArn("main")), Copy(table, CopyKind.CopyJob, vault, region: OtherRegion)], vaults: Vault("main", false, null));

        Assert.Equal(Survives.Yes, survival.RegionLost.Answer);
        Assert.Equal(vault, survival.RegionLost.Copy?.VaultArn);
        Assert.Contains(OtherRegion, survival.RegionLost.Because, StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(table, survival), f => f.Kind == FindingKind.NoCopyOutsideRegion);
    }

    [Fact]
    public void NoCopyAtAll_IsLostWithTheRegion_AndTheFixNamesACopyRule()
    {
        var table = Table("orders");

        var survival = Judge(table, [], All);
        var region = Assert.Single(Findings(table, survival), f => f.Kind == FindingKind.NoCopyOutsideRegion);

        Assert.Equal(Survives.No, survival.RegionLost.Answer);
        Assert.StartsWith("its only data is the resource itself in ", survival.RegionLost.Because, StringComparison.Ordinal);
        Assert.Contains("CopyActions with a DestinationBackupVaultArn in another region", region.Fix, StringComparison.Ordinal);
        Assert.False(region.Advisory);
    }

    [Fact]
    public void FindingsForEventsNotRequired_AreAdvisory()
    {
        var table = Table("orders");

        var findings = Findings(table, Judge(table, [Owned(table, null)], [SurvivalEvent.Account]));

        Assert.True(Assert.Single(findings, f => f.Kind == FindingKind.StackDeleteLosesData).Advisory);
        Assert.False(Assert.Single(findings, f => f.Kind == FindingKind.NoCopyOutsideAccount).Advisory);
        Assert.True(Assert.Single(findings, f => f.Kind == FindingKind.NoCopyOutsideRegion).Advisory);
    }
}
