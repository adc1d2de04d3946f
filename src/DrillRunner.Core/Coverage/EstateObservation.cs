namespace DrillRunner.Core.Coverage;

/// <summary>How a resource can be brought back, and how recent the newest point is.</summary>
/// <param name="Source">What holds the recovery point: point-in-time recovery, an on-demand backup, AWS Backup, automated backups.</param>
/// <param name="NewestAt">The newest time it can restore to; null when the listing does not say.</param>
public sealed record Protection(string Source, DateTimeOffset? NewestAt)
{
    public const string PointInTimeRecovery = "point-in-time recovery";
    public const string OnDemandBackup = "on-demand backup";
    public const string SystemBackup = "system backup";
    public const string AwsBackup = "AWS Backup";
    public const string AutomatedBackups = "automated backups";
}

/// <summary>
/// What one page of one listing says about one resource (by ARN): that it exists (with its kind,
/// name and tags), and/or a way it can be restored. The audit merges observations by ARN.
/// </summary>
public sealed record EstateObservation(string Arn)
{
    /// <summary>The resource's kind (a scratch kind name) when a listing of that kind saw it exist; null when only a protection names it.</summary>
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public Protection? Protection { get; init; }

    /// <summary>For a DynamoDB table: whether point-in-time recovery is on (null when not asked or the table went away).</summary>
    public bool? PitrEnabled { get; init; }

    /// <summary>For a DynamoDB table whose PITR setting could not be read: the error.</summary>
    public string? PitrError { get; init; }

    public DateTimeOffset? EarliestRestorable { get; init; }

    public DateTimeOffset? LatestRestorable { get; init; }

    /// <summary>The stack that owns it, from a stack's resources (and its template's policies); null when no stack listing named it.</summary>
    public Survival.StackOwner? Owner { get; init; }

    /// <summary>Whether the resource's own deletion protection is on (DynamoDB DescribeTable, RDS DeletionProtection); null when not read.</summary>
    public bool? DeletionProtection { get; init; }

    /// <summary>A copy of its data kept outside it (a recovery point in a vault, a copy job's destination, a DynamoDB backup).</summary>
    public Survival.CopySeen? Copy { get; init; }

    /// <summary>For an observation of a vault (its ARN is the vault's): the vault and its lock.</summary>
    public Survival.VaultSeen? Vault { get; init; }
}
