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
}
