using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// Merges what the audit saw of one resource's owner, guards and copies into its <see cref="Survivability"/>:
/// would its data outlive the deletion of its stack, the loss of its account, the loss of its region?
/// Each rule and its AWS source is in docs/coverage.md ("Would we survive it?").
/// </summary>
public static class JudgeSurvival
{
    /// <summary>DynamoDB keeps the system backup it makes of a table deleted with PITR on for this many days.</summary>
    public const int SystemBackupDays = 35;

    /// <summary>The survivability of one resource from its observations, the audited account's vaults, at <paramref name="now"/>.</summary>
    public static Survivability Of(CoverageEntry entry, IEnumerable<EstateObservation> observations, IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, VaultSeen> vaults, AuditScope scope, DateTimeOffset now)
    {
        var seen = observations.ToList();
        var owner = Owner(seen, tags);
        var copies = seen.Select(o => o.Copy).OfType<CopySeen>()
            .DistinctBy(c => (c.Kind, c.Arn ?? $"{c.VaultArn}|{c.CreatedAt:O}"))
            .Select(c => Held(c, vaults, scope, now))
            .OrderByDescending(c => Strength(c, scope)).ThenByDescending(c => c.CreatedAt)
            .ToList();
        var policy = owner.Stack is { TemplateUnreadable: null } stack ? DeletionPolicies.Effective(stack, entry.Kind) : null;
        return new Survivability(owner, copies, StackDeleted(entry, owner, policy, copies), AccountLost(copies, scope), RegionLost(copies, scope))
        {
            EffectiveDeletionPolicy = policy,
        };
    }

    /// <summary>The survival findings of a judged resource; those for events it is not required to survive are advisory.</summary>
    public static IReadOnlyList<Finding> Findings(CoverageEntry entry, Survivability survival, AuditScope scope)
    {
        var findings = new List<Finding>();
        var what = $"{JudgeCoverage.DisplayName(entry.Kind)} {entry.Name}";
        var stack = survival.Owner.Stack;
        if (survival.StackDeleted.Answer == Survives.No && stack is not null)
        {
            findings.Add(new Finding(
                FindingKind.StackDeleteLosesData,
                $"Deleting stack {stack.StackName} would delete {what} and nothing of it would survive: {survival.StackDeleted.Because}.",
                $"{RetainFix(stack)}{GuardFix(entry, " Or t")}; and keep a copy outside it: {RestoreKinds.OfScratchKind(entry.Kind)?.ProtectFix(entry.Name) ?? RestoreKind.AddToBackupPlan(entry.Name)}"));
        }
        else if (stack is { TemplateUnreadable: null } && survival.EffectiveDeletionPolicy == DeletionPolicies.Delete && survival.Owner.DeletionProtection != true)
        {
            findings.Add(new Finding(
                FindingKind.NoDeletionGuard,
                $"{what} belongs to stack {stack.StackName}{(stack.LogicalId is { } id ? $" (logical id {id})" : string.Empty)} with no DeletionPolicy: Retain{(GuardCommand(entry) is null ? string.Empty : " and no deletion protection")}: deleting the stack deletes it, and only its copies would be left ({survival.StackDeleted.Describe()}).",
                $"{RetainFix(stack)}{GuardFix(entry, " Or t")}."));
        }

        if (survival.AccountLost.Answer == Survives.No)
        {
            findings.Add(new Finding(
                FindingKind.NoCopyOutsideAccount,
                $"{what} has no copy in another account and none in a compliance-locked vault: {survival.AccountLost.Because}.",
                $"Add a copy rule to the AWS Backup plan that selects {entry.Name}: CopyActions with a DestinationBackupVaultArn in another account (arn:aws:backup:REGION:OTHER-ACCOUNT:backup-vault:NAME, whose access policy lets this account copy in), or keep its recovery points in a vault locked in compliance mode."));
            var unlocked = survival.Copies.Where(c => c.Account == scope.Account && c.VaultArn is not null && c.Lock is VaultLock.None or VaultLock.Governance or VaultLock.ComplianceGrace)
                .GroupBy(c => c.VaultArn!, StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (unlocked.Count > 0)
            {
                findings.Add(new Finding(
                    FindingKind.VaultNotLocked,
                    $"{what}'s recovery points are in {string.Join(", ", unlocked.Select(c => $"vault {c.VaultName} ({LockText(c)})"))}: whoever controls account {scope.Account} can delete them.",
                    string.Join(" ", unlocked.Select(LockFix))));
            }
        }

        if (survival.RegionLost.Answer == Survives.No)
        {
            findings.Add(new Finding(
                FindingKind.NoCopyOutsideRegion,
                $"{what} has no copy outside {scope.Region}: {survival.RegionLost.Because}.",
                $"Add a copy rule to the AWS Backup plan that selects {entry.Name}: CopyActions with a DestinationBackupVaultArn in another region (arn:aws:backup:OTHER-REGION:{scope.Account}:backup-vault:NAME)."));
        }

        return [.. findings.Select(f => f with { Advisory = !survival.Required.Contains(EventOf(f.Kind)) })];
    }

    /// <summary>The event a survival finding is about; the other findings are never advisory.</summary>
    public static SurvivalEvent EventOf(FindingKind kind) => kind switch
    {
        FindingKind.StackDeleteLosesData or FindingKind.NoDeletionGuard => SurvivalEvent.Stack,
        FindingKind.NoCopyOutsideAccount or FindingKind.VaultNotLocked => SurvivalEvent.Account,
        FindingKind.NoCopyOutsideRegion => SurvivalEvent.Region,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a survival finding"),
    };

    private static ResourceOwner Owner(List<EstateObservation> seen, IReadOnlyDictionary<string, string> tags)
    {
        var protection = seen.Select(o => o.DeletionProtection).FirstOrDefault(p => p is not null);
        // A stack that lists the resource beats a tag naming a stack no listing returned (whose template was not read).
        if ((StackOwners.Merge(seen.Select(o => o.Owner)) ?? StackOwners.FromTags(tags, null)) is { } owner)
        {
            return new ResourceOwner(owner, protection, null);
        }

        return new ResourceOwner(null, protection, ResourceOwner.NoStackNamesIt);
    }

    private static CopyHeld Held(CopySeen copy, IReadOnlyDictionary<string, VaultSeen> vaults, AuditScope scope, DateTimeOffset now)
    {
        var held = new CopyHeld(copy.Kind, copy.VaultArn, VaultLock.NoVault, copy.Account, copy.Region, copy.CreatedAt, copy.Arn);
        if (copy.VaultArn is not { } arn)
        {
            return held;
        }

        if (vaults.TryGetValue(arn, out var vault))
        {
            return held with { Lock = VaultLocks.Of(vault, now), LockDate = vault.LockDate, MinRetentionDays = vault.MinRetentionDays };
        }

        // A vault of another account: the copy job names it, but this account cannot read its lock.
        return held with { Lock = copy.Account != scope.Account ? VaultLock.NotVisible : VaultLock.NotRead };
    }

    /// <summary>Which copy to name when several survive: another account's, then another region's, then an immutable one.</summary>
    private static int Strength(CopyHeld copy, AuditScope scope) =>
        (copy.Account != scope.Account ? 4 : 0) + (copy.Region != scope.Region ? 2 : 0) + (VaultLocks.Immutable(copy.Lock) ? 1 : 0);

    private static SurvivalAnswer StackDeleted(CoverageEntry entry, ResourceOwner owner, string? policy, List<CopyHeld> copies)
    {
        if (owner.Stack is not { } stack)
        {
            // No stack the audit can read owns it: not created by CloudFormation, or by a stack it cannot see. Never guess which.
            return copies.FirstOrDefault() is { } kept
                ? new SurvivalAnswer(Survives.Yes, $"owner unknown, but whatever deletes it, its {kept.Where()} stays", kept)
                : owner.DeletionProtection == true
                    ? new SurvivalAnswer(Survives.Yes, "owner unknown, but deletion protection is on: a stack's deletion fails on it and it stays")
                    : entry.Kind == ScratchKinds.DynamoDbTable && entry.PitrEnabled == true
                        ? new SurvivalAnswer(Survives.Yes, $"owner unknown, but if it is deleted DynamoDB keeps the system backup it makes of a table deleted with PITR on for {SystemBackupDays} days")
                        : new SurvivalAnswer(Survives.Unknown, "owner unknown (see Owner): if a stack the audit cannot see owns it, nothing of it would survive that stack's deletion");
        }

        if (DeletionPolicies.Retains(policy))
        {
            return new SurvivalAnswer(Survives.Yes, $"DeletionPolicy {policy}: CloudFormation keeps it when stack {stack.StackName} is deleted");
        }

        if (policy == DeletionPolicies.Snapshot)
        {
            return new SurvivalAnswer(Survives.Yes, $"DeletionPolicy Snapshot{(stack.DeletionPolicy is null ? " (CloudFormation's default for this type)" : string.Empty)}: CloudFormation takes a final snapshot before deleting it");
        }

        if (owner.DeletionProtection == true)
        {
            return new SurvivalAnswer(Survives.Yes, $"deletion protection is on: deleting stack {stack.StackName} fails on it and it stays");
        }

        var deleted = policy is null ? $"if stack {stack.StackName} deletes it" : $"deleting stack {stack.StackName} deletes it";
        if (copies.FirstOrDefault() is { } copy)
        {
            return new SurvivalAnswer(Survives.Yes, $"{deleted}, but its {copy.Where()} stays", copy);
        }

        if (entry.Kind == ScratchKinds.DynamoDbTable && entry.PitrEnabled == true)
        {
            return new SurvivalAnswer(Survives.Yes, $"{deleted} with its point-in-time recovery, but DynamoDB keeps the system backup it makes of a table deleted with PITR on for {SystemBackupDays} days");
        }

        if (entry.Kind == ScratchKinds.S3Bucket)
        {
            return new SurvivalAnswer(Survives.Unknown, $"CloudFormation deletes a bucket only when it is empty, and the audit does not know whether it is: while it holds objects, deleting stack {stack.StackName} fails on it and it stays; emptied to unblock the deletion, nothing of it survives (no copy outside it)");
        }

        if (policy is null)
        {
            return new SurvivalAnswer(Survives.Unknown, $"stack {stack.StackName}'s template could not be read ({stack.TemplateUnreadable}), so whether it keeps it is unknown; no copy outside it would survive if it does not");
        }

        var pitrOff = entry.Kind == ScratchKinds.DynamoDbTable && entry.PitrEnabled != true ? "; point-in-time recovery is off, so DynamoDB makes no system backup of it" : string.Empty;
        return new SurvivalAnswer(Survives.No, $"DeletionPolicy {policy}{(GuardCommand(entry) is null ? string.Empty : ", no deletion protection")}, and no copy outside it{pitrOff}");
    }

    private static SurvivalAnswer AccountLost(List<CopyHeld> copies, AuditScope scope)
    {
        if (copies.FirstOrDefault(c => c.Account != scope.Account) is { } elsewhere)
        {
            return new SurvivalAnswer(Survives.Yes, $"{elsewhere.Where()}: another account", elsewhere);
        }

        if (copies.FirstOrDefault(c => VaultLocks.Immutable(c.Lock)) is { } locked)
        {
            return new SurvivalAnswer(Survives.Yes, $"{locked.Where()}: nobody can delete it before its retention ends", locked);
        }

        if (copies.FirstOrDefault(c => c.Lock == VaultLock.NotRead) is { } unread)
        {
            return new SurvivalAnswer(Survives.Unknown, $"the lock of vault {unread.VaultName} ({unread.Region}) was not read, and no other copy is outside account {scope.Account}", unread);
        }

        return new SurvivalAnswer(Survives.No, copies.Count == 0
            ? $"its only data is the resource itself (no copy anywhere), so whoever controls account {scope.Account} can delete it"
            : $"every copy ({string.Join("; ", copies.Select(c => c.Where()))}) is in account {scope.Account}, deletable by whoever controls it");
    }

    private static SurvivalAnswer RegionLost(List<CopyHeld> copies, AuditScope scope) =>
        copies.FirstOrDefault(c => c.Region != scope.Region) is { } elsewhere
            ? new SurvivalAnswer(Survives.Yes, $"{elsewhere.Where()}: another region", elsewhere)
            : new SurvivalAnswer(Survives.No, copies.Count == 0 ? $"its only data is the resource itself in {scope.Region} (no copy anywhere)" : $"every copy is in {scope.Region}");

    private static string RetainFix(StackOwner stack) =>
        $"In stack {stack.StackName}'s template set DeletionPolicy: Retain and UpdateReplacePolicy: Retain on {(stack.LogicalId is { } id ? $"logical id {id}" : "its resource")} and update the stack";

    /// <summary>The aws command that turns the resource's own deletion protection on; null for kinds without one.</summary>
    private static string? GuardCommand(CoverageEntry entry) => entry.Kind switch
    {
        ScratchKinds.DynamoDbTable => $"aws dynamodb update-table --table-name {entry.Name} --deletion-protection-enabled",
        ScratchKinds.RdsInstance => $"aws rds modify-db-instance --db-instance-identifier {entry.Name} --deletion-protection --apply-immediately",
        ScratchKinds.RdsCluster => $"aws rds modify-db-cluster --db-cluster-identifier {entry.Name} --deletion-protection --apply-immediately",
        _ => null,
    };

    private static string GuardFix(CoverageEntry entry, string lead) =>
        GuardCommand(entry) is { } command ? $".{lead}urn on deletion protection: {command} (and set it in the template, so the next update keeps it)" : string.Empty;

    private static string LockText(CopyHeld copy) => copy.Lock switch
    {
        VaultLock.None => "not locked",
        VaultLock.Governance => "governance mode: removable with IAM permissions",
        _ => $"compliance mode, removable until its lock date {copy.LockDate:yyyy-MM-dd}",
    };

    private static string LockFix(CopyHeld copy) => copy.Lock == VaultLock.ComplianceGrace
        ? $"Vault {copy.VaultName} becomes immutable on {copy.LockDate:yyyy-MM-dd}; leave its lock in place."
        : $"Lock vault {copy.VaultName} in compliance mode: aws backup put-backup-vault-lock-configuration --backup-vault-name {copy.VaultName} --min-retention-days {copy.MinRetentionDays ?? 7} --changeable-for-days 3 (immutable after 3 days; without --changeable-for-days the lock is governance mode, which does not count).";
}
