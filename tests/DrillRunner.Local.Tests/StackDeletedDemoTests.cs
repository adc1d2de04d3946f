using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Runs;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>
/// `drill demo --scenario stack-deleted`: the audit of the shop's stack says which tables its deletion
/// would lose, the local world deletes the stack as CloudFormation would, and a recovery drill restores
/// what survived — each from the copy that outlived the table — and fails the one whose data nothing kept.
/// </summary>
public sealed class StackDeletedDemoTests
{
    [Fact]
    public async Task TheAuditNamesTheLoss_TheDeletionTakesIt_AndTheDrillRestoresOnlyWhatSurvived()
    {
        var outcome = await StackDeletedDemo.RunAsync(TimeProvider.System, _ => { }, CancellationToken.None);

        // Before: carts is the post-mortem's table, required to survive by the plan; the others survive by a named copy or guard.
        var before = outcome.Before;
        var carts = Entry(before, StackDeletedDemo.CartsTable);
        Assert.Contains(carts.Findings, f => f.Kind == FindingKind.StackDeleteLosesData && !f.Advisory);
        Assert.Equal(Survives.No, carts.Survival!.StackDeleted.Answer);
        Assert.Equal(StackDeletedDemo.StackName, carts.Survival.Owner.Stack?.StackName);
        Assert.Equal(Survives.Yes, Entry(before, DemoData.SourceTable).Survival!.StackDeleted.Answer);
        Assert.Equal(Survives.Yes, Entry(before, DemoData.CustomersTable).Survival!.StackDeleted.Answer);
        var payments = Entry(before, StackDeletedDemo.PaymentsTable).Survival!;
        Assert.Equal((Survives.Yes, Survives.Yes), (payments.StackDeleted.Answer, payments.AccountLost.Answer));
        Assert.Contains($"if stack {StackDeletedDemo.StackName} were deleted", before.Headline(), StringComparison.Ordinal);
        Assert.Contains(StackDeletedDemo.CartsTable, before.Headline(), StringComparison.Ordinal);
        Assert.True(before.Fails(FindingKind.StackDeleteLosesData));

        // The deletion: customers' deletion protection fails it; the others are deleted, orders leaving its system backup.
        Assert.Equal("DELETE_FAILED", outcome.Deletion.Status);
        var fates = outcome.Deletion.Resources.ToDictionary(r => r.PhysicalId, r => r.Fate);
        Assert.Equal(ResourceFate.DeletionFailed, fates[DemoData.CustomersTable]);
        Assert.All([DemoData.SourceTable, StackDeletedDemo.CartsTable, StackDeletedDemo.PaymentsTable], t => Assert.Equal(ResourceFate.Deleted, fates[t]));
        Assert.NotNull(outcome.Deletion.Resources.Single(r => r.PhysicalId == DemoData.SourceTable).Kept);
        Assert.Null(outcome.Deletion.Resources.Single(r => r.PhysicalId == StackDeletedDemo.CartsTable).Kept);

        // The drill: each restored from what survived, carts gone for good, nothing left behind.
        var targets = outcome.Targets.ToDictionary(t => t.TargetId);
        Assert.Equal(RecoveryPoint.Backup, targets["orders"].RecoveryPoint!.Kind);
        Assert.Equal(StackDeletedDemo.Orders, targets["orders"].Verification!.ItemCount);
        Assert.Equal(RecoveryPoint.Pitr, targets["customers"].RecoveryPoint!.Kind);
        Assert.Equal(StackDeletedDemo.Payments, targets["payments"].Verification!.ItemCount);
        var copy = targets["payments"].Backup!.Copy!;
        Assert.Equal((StackDeletedDemo.CopyVault, LocalAwsWorld.SecondAccount, true), (copy.VaultName, copy.Account, copy.IsCopy));
        Assert.Contains("gone for good", targets["carts"].Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal([StackDeletedDemo.CartsTable], outcome.GoneForGood.Select(t => t.SourceName));
        Assert.Equal(Verdict.Fail, outcome.Recovery.Verdict);
        Assert.True(outcome.AsTold);
    }

    private static CoverageEntry Entry(CoverageAudit audit, string name) => audit.Resources.Single(r => r.Name == name);
}
