namespace DrillRunner.Core.Plans;

/// <summary>
/// Where an "aws-backup" target's recovery point must come from ("recoveryPoint.vault" and/or
/// "recoveryPoint.copyOf"): listed vault by vault (ListRecoveryPointsByBackupVault) instead of by resource,
/// so that a stack in a recovery account or region drills the copies it holds or can read. The vault's
/// name itself has one home, <see cref="AwsBackupTarget.BackupVaultName"/>.
/// </summary>
/// <param name="VaultArn">The vault's ARN when the plan gave one (a vault shared from another account); null for a name.</param>
/// <param name="VaultAccountId">The vault's account, from its ARN: sent as BackupVaultAccountId; null for the stack's own vault.</param>
/// <param name="CopyOf">The source resource whose COPY must be restored (SourceBackupVaultArn set); null when any point of the vault counts.</param>
public sealed record PointOrigin(string? VaultArn, string? VaultAccountId, string? CopyOf)
{
    /// <summary>True when only copies count: points whose SourceBackupVaultArn is set.</summary>
    public bool CopiesOnly => CopyOf is not null;
}
