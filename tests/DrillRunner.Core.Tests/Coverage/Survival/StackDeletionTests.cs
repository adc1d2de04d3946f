using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Kinds;
using static DrillRunner.Core.Tests.Coverage.Survival.SurvivalEstate;

namespace DrillRunner.Core.Tests.Coverage.Survival;

/// <summary>Would a resource's data survive the deletion of its stack: each guard, each surviving copy, the unknowns, and the two stack findings.</summary>
public sealed class StackDeletionTests
{
    [Fact]
    public void ATableNoStackNames_IsUnknown_NeverAGuessedYes_UnlessSomethingOutlivesAnyDeletion()
    {
        var bare = Table("orders");
        var withPitr = Table("ledger", pitr: true);
        var copied = Table("invoices");

        var unknown = Judge(bare, []);
        var bySystemBackup = Judge(withPitr, []);
        var byCopy = Judge(copied, [Copy(copied, CopyKind.OnDemandBackup, null, account: "123456789012", region: "eu-west-1")]);

        Assert.Null(unknown.Owner.Stack);
        Assert.Equal(ResourceOwner.NoStackNamesIt, unknown.Owner.UnknownBecause);
        Assert.Equal(Survives.Unknown, unknown.StackDeleted.Answer);
        Assert.StartsWith("owner unknown", unknown.StackDeleted.Because, StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(bare, unknown), f => JudgeSurvival.EventOf(f.Kind) == SurvivalEvent.Stack);
        Assert.Equal(Survives.Yes, bySystemBackup.StackDeleted.Answer);
        Assert.Contains("system backup", bySystemBackup.StackDeleted.Because, StringComparison.Ordinal);
        Assert.Equal(Survives.Yes, byCopy.StackDeleted.Answer);
        Assert.NotNull(byCopy.StackDeleted.Copy);
    }

    [Theory]
    [InlineData(DeletionPolicies.Retain)]
    [InlineData(DeletionPolicies.RetainExceptOnCreate)]
    public void AnOwnedTableTheTemplateRetains_Survives_AndHasNoStackFinding(string policy)
    {
        var table = Table("orders");

        var owned = Owned(table, policy);
        var survival = Judge(table, [owned with { Owner = owned.Owner! with { UpdateReplacePolicy = DeletionPolicies.Retain } }]);

        Assert.Equal(Survives.Yes, survival.StackDeleted.Answer);
        Assert.Equal($"DeletionPolicy {policy}: CloudFormation keeps it when stack shop is deleted", survival.StackDeleted.Because);
        Assert.Equal($"stack shop (Orders), DeletionPolicy {policy}, UpdateReplacePolicy Retain", SurvivalTable.Owner(survival));
        Assert.DoesNotContain(Findings(table, survival), f => JudgeSurvival.EventOf(f.Kind) == SurvivalEvent.Stack);
    }

    [Theory]
    [InlineData(ScratchKinds.RdsCluster, null, true)]
    [InlineData(ScratchKinds.RdsInstance, null, true)]
    [InlineData(ScratchKinds.EbsVolume, DeletionPolicies.Snapshot, false)]
    public void ASnapshottableResource_SurvivesThroughItsFinalSnapshot_IncludingRdsDefault(string kind, string? written, bool byDefault)
    {
        var resource = new CoverageEntry($"arn:aws:x:{kind}", kind, "db");

        var survival = Judge(resource, [Owned(resource, written)]);

        Assert.Equal(Survives.Yes, survival.StackDeleted.Answer);
        Assert.Equal(DeletionPolicies.Snapshot, survival.EffectiveDeletionPolicy);
        Assert.StartsWith("DeletionPolicy Snapshot", survival.StackDeleted.Because, StringComparison.Ordinal);
        Assert.Equal(byDefault, survival.StackDeleted.Because.Contains("CloudFormation's default", StringComparison.Ordinal));
    }

    [Fact]
    public void SnapshotWrittenOnATable_IsNoSnapshot_SoTheTableIsLost()
    {
        var table = Table("orders");

        var survival = Judge(table, [Owned(table, DeletionPolicies.Snapshot)]);

        Assert.Equal(DeletionPolicies.Delete, survival.EffectiveDeletionPolicy);
        Assert.Equal(Survives.No, survival.StackDeleted.Answer);
    }

    [Fact]
    public void DeletionProtection_KeepsAnOwnedTable_AndIsAGuard()
    {
        var table = Table("orders");

        var survival = Judge(table, [Owned(table, null), new EstateObservation(table.Arn) { DeletionProtection = true }]);

        Assert.Equal(Survives.Yes, survival.StackDeleted.Answer);
        Assert.Equal("deletion protection is on: deleting stack shop fails on it and it stays", survival.StackDeleted.Because);
        Assert.DoesNotContain(Findings(table, survival), f => JudgeSurvival.EventOf(f.Kind) == SurvivalEvent.Stack);
    }

    [Fact]
    public void AnOwnedTableWithPitrAndNoGuard_SurvivesOnlyThroughTheSystemBackup_AndLacksADeletionGuard()
    {
        var table = Table("carts", pitr: true);

        var survival = Judge(table, [Owned(table, null, "Carts")]);
        var findings = Findings(table, survival);

        Assert.Equal(Survives.Yes, survival.StackDeleted.Answer);
        Assert.Contains("system backup", survival.StackDeleted.Because, StringComparison.Ordinal);
        Assert.Contains("35 days", survival.StackDeleted.Because, StringComparison.Ordinal);
        var guard = Assert.Single(findings, f => f.Kind == FindingKind.NoDeletionGuard);
        Assert.False(guard.Advisory);
        Assert.Contains("DeletionPolicy: Retain and UpdateReplacePolicy: Retain on logical id Carts", guard.Fix, StringComparison.Ordinal);
        Assert.Contains("aws dynamodb update-table --table-name carts --deletion-protection-enabled", guard.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.StackDeleteLosesData);
    }

    [Fact]
    public void AnOwnedTableWithoutPitrGuardOrCopy_IsLostForGood_ThePostMortemsFinding()
    {
        var table = Table("orders", pitr: false);

        var survival = Judge(table, [Owned(table, null)]);
        var findings = Findings(table, survival);

        Assert.Equal(Survives.No, survival.StackDeleted.Answer);
        Assert.Contains("point-in-time recovery is off, so DynamoDB makes no system backup", survival.StackDeleted.Because, StringComparison.Ordinal);
        var lost = Assert.Single(findings, f => f.Kind == FindingKind.StackDeleteLosesData);
        Assert.StartsWith("Deleting stack shop would delete DynamoDB table orders and nothing of it would survive", lost.Sentence, StringComparison.Ordinal);
        Assert.Contains("on logical id Orders", lost.Fix, StringComparison.Ordinal);
        Assert.Contains("--deletion-protection-enabled", lost.Fix, StringComparison.Ordinal);
        Assert.Contains("update-continuous-backups --table-name orders", lost.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.NoDeletionGuard);
        Assert.Equal(FindingSeverity.Critical, FindingSeverities.Of(FindingKind.StackDeleteLosesData));
    }

    [Theory]
    [InlineData(CopyKind.RecoveryPoint)]
    [InlineData(CopyKind.OnDemandBackup)]
    [InlineData(CopyKind.SystemBackup)]
    [InlineData(CopyKind.CopyJob)]
    public void EachKindOfCopy_OutlivesTheStack_AndIsNamed(CopyKind kind)
    {
        var table = Table("orders");
        var vault = kind is CopyKind.RecoveryPoint or CopyKind.CopyJob ? VaultArn("main") : null;

        var survival = Judge(table, [Owned(table, DeletionPolicies.Delete), Copy(table, kind, vault)]);

        Assert.Equal(Survives.Yes, survival.StackDeleted.Answer);
        Assert.Equal(kind, survival.StackDeleted.Copy?.Kind);
        Assert.Contains(survival.StackDeleted.Copy!.Where(), survival.StackDeleted.Because, StringComparison.Ordinal);
        Assert.Single(Findings(table, survival), f => f.Kind == FindingKind.NoDeletionGuard);
    }

    [Fact]
    public void AnUnreadableTemplate_LeavesTheAnswerUnknown_SayingWhy_AndFindsNothingAboutTheStack()
    {
        var table = Table("orders");
        var owner = new EstateObservation(table.Arn) { Owner = new StackOwner("shop", null, "Orders", "AWS::DynamoDB::Table") { TemplateUnreadable = "larger than the payload limit" } };

        var survival = Judge(table, [owner]);

        Assert.Equal(Survives.Unknown, survival.StackDeleted.Answer);
        Assert.Contains("larger than the payload limit", survival.StackDeleted.Because, StringComparison.Ordinal);
        Assert.Null(survival.EffectiveDeletionPolicy);
        Assert.DoesNotContain(Findings(table, survival), f => JudgeSurvival.EventOf(f.Kind) == SurvivalEvent.Stack);
    }

    [Fact]
    public void OnlyATagNamingTheStack_GivesTheOwner_ButNotItsPolicies()
    {
        var table = Table("orders");
        var tags = new Dictionary<string, string> { [StackOwner.StackNameTag] = "legacy", [StackOwner.LogicalIdTag] = "Orders" };

        var survival = Judge(table, [], tags: tags);

        Assert.Equal("legacy", survival.Owner.Stack?.StackName);
        Assert.Equal("Orders", survival.Owner.Stack?.LogicalId);
        Assert.Equal(Survives.Unknown, survival.StackDeleted.Answer);
        Assert.Contains(StackOwners.NotAmongListedStacks, survival.StackDeleted.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOwnedBucket_IsUnknown_BecauseCloudFormationDeletesOnlyEmptyBuckets_AndLacksAGuard()
    {
        var bucket = new CoverageEntry("arn:aws:s3:::shop-uploads", ScratchKinds.S3Bucket, "shop-uploads");

        var survival = Judge(bucket, [Owned(bucket, null, "Uploads")]);
        var findings = Findings(bucket, survival);

        Assert.Equal(Survives.Unknown, survival.StackDeleted.Answer);
        Assert.Contains("only when it is empty", survival.StackDeleted.Because, StringComparison.Ordinal);
        var guard = Assert.Single(findings, f => f.Kind == FindingKind.NoDeletionGuard);
        Assert.DoesNotContain("deletion protection", guard.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.StackDeleteLosesData);
    }
}
