namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// An AWS Backup vault of some account and region, its Vault Lock, and whether its account shares it
/// with the local account (as AWS RAM shares a logically air-gapped vault).
/// </summary>
public sealed record LocalVault(string Name, string Account, string Region, string VaultType, DateTimeOffset CreatedAt)
{
    public const string BackupVault = "BACKUP_VAULT";
    public const string LogicallyAirGapped = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";

    /// <summary>The Vault Lock, or null when the vault is not locked.</summary>
    public LocalVaultLock? Lock { get; init; }

    /// <summary>Shared with the local account (listed by ListBackupVaults with ByShared, readable with BackupVaultAccountId).</summary>
    public bool SharedWithLocalAccount { get; init; }

    public string Arn => ArnOf(Region, Account, Name);

    public static string ArnOf(string region, string account, string name) => $"arn:aws:backup:{region}:{account}:backup-vault:{name}";
}

/// <summary>
/// A Vault Lock as PutBackupVaultLockConfiguration sets it: without a <see cref="LockDate"/> it is in
/// governance mode (removable by whoever may); with one, in compliance mode, immutable from that date.
/// AWS Backup Vault Lock: https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
/// </summary>
public sealed record LocalVaultLock(int? MinRetentionDays, int? MaxRetentionDays, DateTimeOffset? LockDate);

/// <summary>A copy job as ListCopyJobs lists it: run in <see cref="AccountId"/> and <see cref="Region"/> (the source's).</summary>
public sealed record LocalCopyJob(string Id, string AccountId, string Region, LocalRecoveryPoint Source, LocalRecoveryPoint Destination, DateTimeOffset CreatedAt, DateTimeOffset CompletedAt, string State);
