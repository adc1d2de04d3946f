namespace DrillRunner.Core.Runs;

/// <summary>
/// One listing call of an "aws-backup" target whose plan names where its point comes from (recoveryPoint.vault /
/// copyOf): which call (<see cref="Vaults"/> or <see cref="Points"/>) and its request, as ChooseRecoveryPoint
/// decided it. The state machine passes <see cref="Request"/> as the call's input unchanged (InputPath), so a
/// member left null is not sent.
/// </summary>
public sealed record PointListing(string Call, PointListingRequest Request)
{
    /// <summary>The by-resource listing (ListRecoveryPointsByResource), as before vaults could be named.</summary>
    public const string Resource = "resource";

    /// <summary>No answer yet: ChooseRecoveryPoint says what to list first.</summary>
    public const string Start = "start";

    /// <summary>ListBackupVaults: the vaults this stack can read, its own, then shared with it (ByShared).</summary>
    public const string Vaults = "vaults";

    /// <summary>ListRecoveryPointsByBackupVault of one vault, ByResourceArn = the target's resource.</summary>
    public const string Points = "points";
}
