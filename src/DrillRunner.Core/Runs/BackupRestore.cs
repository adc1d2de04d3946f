namespace DrillRunner.Core.Runs;

/// <summary>What AWS Backup said about an "aws-backup" target's restore.</summary>
/// <param name="PointsSeen">Recovery points listed for the resource (every status, every vault).</param>
/// <param name="PagesRead">ListRecoveryPointsByResource pages read.</param>
/// <param name="NewestSkipped">The newest recovery point not chosen and why (e.g. another vault, not COMPLETED).</param>
public sealed record BackupRestore(int PointsSeen, int PagesRead, string? NewestSkipped)
{
    public DateTimeOffset? NewestSkippedAt { get; init; }

    public string? BackupVaultName { get; init; }

    /// <summary>The vault listing being read (vault or copyOf targets), so that its next page repeats the request.</summary>
    public PointListing? Listing { get; init; }

    /// <summary>copyOf: vaults listed by ListBackupVaults and not yet read for copies.</summary>
    public IReadOnlyList<VaultToRead>? VaultsToRead { get; init; }

    /// <summary>copyOf: how many vaults were read for copies.</summary>
    public int? VaultsRead { get; init; }

    /// <summary>The BackupVaultAccountId the chosen point's vault was listed with (a vault another account shares): GetRecoveryPointRestoreMetadata needs it too.</summary>
    public string? BackupVaultAccountId { get; init; }

    /// <summary>Why the source's read-only checks (counts against it, the runbook gap) are skipped: it is out of this stack's reach.</summary>
    public string? SourceNotRead { get; init; }

    /// <summary>Where the chosen point lives (vault or copyOf targets): the copy the drill proves.</summary>
    public ProvenCopy? Copy { get; init; }

    public string? RestoreJobId { get; init; }

    public string? JobStatus { get; init; }

    public string? JobStatusMessage { get; init; }

    public string? CreatedResourceArn { get; init; }

    public long? ExpectedCompletionMinutes { get; init; }

    /// <summary>The status reported with PutRestoreValidationResult: SUCCESSFUL or FAILED.</summary>
    public string? ValidationStatus { get; init; }

    /// <summary>Whether AWS Backup accepted the validation result, or why not.</summary>
    public string? ValidationNote { get; init; }
}
