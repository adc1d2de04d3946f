namespace DrillRunner.Core.Coverage.Survival;

/// <summary>One copy of a resource's data and where it lives, as the survivability record shows it.</summary>
/// <param name="Kind">What kind of copy.</param>
/// <param name="VaultArn">The vault holding it (AWS Backup); null for DynamoDB backups.</param>
/// <param name="Lock">That vault's lock as this account sees it.</param>
/// <param name="Account">The account holding it.</param>
/// <param name="Region">The region holding it.</param>
/// <param name="CreatedAt">When it was made, when known.</param>
/// <param name="Arn">Its recovery point's or backup's ARN, when known.</param>
public sealed record CopyHeld(CopyKind Kind, string? VaultArn, VaultLock Lock, string Account, string Region, DateTimeOffset? CreatedAt, string? Arn)
{
    /// <summary>The vault's name (the last part of its ARN), or null.</summary>
    public string? VaultName => VaultArn is { } arn ? arn[(arn.LastIndexOf(':') + 1)..] : null;

    /// <summary>Its lock's date (compliance mode), when the vault is this account's.</summary>
    public DateTimeOffset? LockDate { get; init; }

    /// <summary>Its lock's minimum retention, when the vault is this account's and locked.</summary>
    public int? MinRetentionDays { get; init; }

    /// <summary>"recovery point in vault shop-copies (compliance), account 222233334444, eu-central-1", the compact form the tables print.</summary>
    public string Where()
    {
        var what = Kind switch
        {
            CopyKind.RecoveryPoint => "recovery point",
            CopyKind.CopyJob => "copy",
            CopyKind.OnDemandBackup => "on-demand backup",
            CopyKind.SystemBackup => "system backup",
            _ => Kind.ToString(),
        };
        var vault = VaultName is { } name ? $" in vault {name} (lock: {VaultLocks.Of(Lock)})" : string.Empty;
        return $"{what}{vault}, account {Account}, {Region}";
    }
}
