using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// The handle one Map iteration carries: details live in the runs table, not the payload. The
/// type routes the iteration; an "aws-backup" target also carries its resource ARN, which the state
/// machine lists recovery points for.
/// </summary>
public sealed record TargetRef(string RunId, string TargetId)
{
    public string? Type { get; init; }

    public string? ResourceArn { get; init; }

    /// <summary>
    /// Set (to <see cref="PointListing.Vaults"/>) when the plan names where the point comes from
    /// (recoveryPoint.vault / copyOf): the state machine then lists vault by vault, as ChooseRecoveryPoint says.
    /// </summary>
    public string? PointsFrom { get; init; }
}
