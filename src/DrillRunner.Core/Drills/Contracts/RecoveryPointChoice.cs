using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// After a page: read the next one (<see cref="MorePages"/>: by resource with <see cref="NextToken"/>, or the
/// vault listing <see cref="Listing"/>), or restore the chosen recovery point from its vault (<see cref="Metadata"/>).
/// </summary>
public sealed record RecoveryPointChoice(bool MorePages, string? NextToken, string? RecoveryPointArn, string? BackupVaultName)
{
    /// <summary>The next vault listing call, for targets that name a vault or copyOf.</summary>
    public PointListing? Listing { get; init; }

    /// <summary>The GetRecoveryPointRestoreMetadata request for the chosen point.</summary>
    public RestoreMetadataRequest? Metadata { get; init; }
}
