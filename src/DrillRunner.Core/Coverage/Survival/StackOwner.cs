namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// The CloudFormation stack that owns a resource, as the audit saw it: from the stack's resources
/// (ListStackResources) or, where a listing gives tags, from the resource's <c>aws:cloudformation:*</c>
/// tags; and what the stack's template says happens to the resource when the stack is deleted.
/// </summary>
/// <param name="StackName">The owning stack's name.</param>
/// <param name="StackId">The stack's ARN (null when only a tag named the stack).</param>
/// <param name="LogicalId">The resource's logical id in the template (null when unknown).</param>
/// <param name="ResourceType">The CloudFormation resource type, e.g. AWS::DynamoDB::Table (null when unknown).</param>
public sealed record StackOwner(string StackName, string? StackId, string? LogicalId, string? ResourceType)
{
    public const string StackNameTag = "aws:cloudformation:stack-name";
    public const string StackIdTag = "aws:cloudformation:stack-id";
    public const string LogicalIdTag = "aws:cloudformation:logical-id";

    /// <summary>The resource's <c>DeletionPolicy</c> as the template writes it (Delete, Retain, RetainExceptOnCreate, Snapshot); null when the template does not set one or could not be read.</summary>
    public string? DeletionPolicy { get; init; }

    /// <summary>The resource's <c>UpdateReplacePolicy</c> as the template writes it; null when not set or unread.</summary>
    public string? UpdateReplacePolicy { get; init; }

    /// <summary>Why the template could not be read (too large for a Step Functions payload, not JSON/YAML, access denied…); null when it was read.</summary>
    public string? TemplateUnreadable { get; init; }

    /// <summary>The Amplify app this stack belongs to, when the stack's or resource's tags say so; null otherwise.</summary>
    public string? AmplifyApp { get; init; }

    /// <summary>The Amplify environment (branch) when the tags say so.</summary>
    public string? AmplifyEnvironment { get; init; }
}

/// <summary>An AWS Backup vault of the audited account and region, with its lock.</summary>
/// <param name="Name">BackupVaultName.</param>
/// <param name="Arn">BackupVaultArn.</param>
/// <param name="Locked">ListBackupVaults' <c>Locked</c>.</param>
/// <param name="LockDate">ListBackupVaults' <c>LockDate</c>: when the lock became (or becomes) immutable; null for a lock set without one.</param>
/// <param name="MinRetentionDays">The lock's minimum retention; null when unlocked.</param>
/// <param name="VaultType">BACKUP_VAULT or LOGICALLY_AIR_GAPPED_BACKUP_VAULT (null when AWS did not say).</param>
public sealed record VaultSeen(string Name, string Arn, bool Locked, DateTimeOffset? LockDate, int? MinRetentionDays, string? VaultType);

/// <summary>Where a copy of a resource's data is kept, outside the resource itself (by name in JSON; stored numbers still read).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CopyKind>))]
public enum CopyKind
{
    /// <summary>A recovery point in an AWS Backup vault of this account and region (ListRecoveryPointsByBackupVault).</summary>
    RecoveryPoint = 1,

    /// <summary>A completed AWS Backup copy job's destination (ListCopyJobs): a vault that may be in another account or region.</summary>
    CopyJob = 2,

    /// <summary>A DynamoDB on-demand backup (kept when the table is deleted).</summary>
    OnDemandBackup = 3,

    /// <summary>A DynamoDB system backup (made when a table with PITR on is deleted; kept 35 days).</summary>
    SystemBackup = 4,
}

/// <summary>One copy of a resource's data that the audit saw.</summary>
/// <param name="Kind">What kind of copy.</param>
/// <param name="VaultArn">The vault holding it (AWS Backup); null for DynamoDB backups.</param>
/// <param name="Account">The account holding it (from the vault's ARN, or the audited account).</param>
/// <param name="Region">The region holding it.</param>
/// <param name="CreatedAt">When it was made; null when the listing does not say.</param>
/// <param name="Arn">The recovery point's, backup's or copy job's destination recovery point ARN, when known.</param>
public sealed record CopySeen(CopyKind Kind, string? VaultArn, string Account, string Region, DateTimeOffset? CreatedAt, string? Arn);
