using DrillRunner.Core.Kinds;

namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// A recovery point the local AWS Backup lists; for buckets, the objects it holds. <see cref="Vault"/>
/// is the vault's name in <see cref="VaultAccount"/> and <see cref="VaultRegion"/> (the local account
/// and region unless a copy job put it elsewhere).
/// </summary>
public sealed record LocalRecoveryPoint(string Arn, string ResourceArn, RestoreKind Kind, string ResourceName, string Vault, DateTimeOffset CreatedAt, string Status, IReadOnlyDictionary<string, string> Metadata)
{
    public IReadOnlyDictionary<string, long>? Objects { get; init; }

    public string VaultAccount { get; init; } = LocalAwsWorld.Account;

    public string VaultRegion { get; init; } = LocalAwsWorld.Region;

    /// <summary>For a copy: the vault the copy job copied from (ListRecoveryPointsByBackupVault's SourceBackupVaultArn).</summary>
    public string? SourceVaultArn { get; init; }

    /// <summary>When it was complete: for a copy, when the copy job completed; otherwise its creation.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    public string VaultArn => LocalVault.ArnOf(VaultRegion, VaultAccount, Vault);

    /// <summary>Whether it is kept in the local (audited) account and region: the only points ListRecoveryPointsByResource lists.</summary>
    public bool IsLocal => VaultAccount == LocalAwsWorld.Account && VaultRegion == LocalAwsWorld.Region;
}
