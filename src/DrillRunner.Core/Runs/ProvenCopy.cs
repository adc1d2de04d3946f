namespace DrillRunner.Core.Runs;

/// <summary>
/// Which recovery point, in which vault, an "aws-backup" target listed by vault restored: the proof that this
/// copy restores. RPO is measured from <see cref="CreatedAt"/>, the copy's own CreationDate.
/// </summary>
/// <param name="VaultName">The vault it was listed from.</param>
/// <param name="VaultArn">That vault's ARN (BackupVaultArn), when AWS Backup gave it.</param>
/// <param name="Account">The vault's account, from its ARN.</param>
/// <param name="Region">The vault's region, from its ARN.</param>
/// <param name="SourceBackupVaultArn">The vault it was copied from; null when the point is not a copy.</param>
/// <param name="CreatedAt">The point's CreationDate (for a copy: when the copy was made).</param>
public sealed record ProvenCopy(string VaultName, string? VaultArn, string? Account, string? Region, string? SourceBackupVaultArn, DateTimeOffset CreatedAt)
{
    /// <summary>A copy made by a copy job, not the original backup.</summary>
    public bool IsCopy => SourceBackupVaultArn is not null;

    /// <summary>
    /// "restored from copy RP in vault NAME (account A, region R), copied from SOURCE-VAULT, of a backup taken at TIME" (a copy keeps its
    /// source's CreationDate, so TIME is when the data was backed up, not when it was copied): the one
    /// sentence status, the run's JSON and the reports give for the copy a drill proved.
    /// </summary>
    public string Sentence(string recoveryPointArn)
    {
        var where = Account is null && Region is null ? string.Empty : $" (account {Account ?? "unknown"}, region {Region ?? "unknown"})";
        return IsCopy
            ? $"restored from copy {recoveryPointArn} in vault {VaultName}{where}, copied from {SourceBackupVaultArn}, of a backup taken at {CreatedAt:yyyy-MM-dd HH:mm:ss}Z"
            : $"restored from {recoveryPointArn} in vault {VaultName}{where}, created at {CreatedAt:yyyy-MM-dd HH:mm:ss}Z (not a copy)";
    }
}
