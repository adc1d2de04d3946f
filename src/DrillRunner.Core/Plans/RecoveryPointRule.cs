using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Plans;

/// <summary>"recoveryPoint": { "select": "latest" | "random" | "oldest", "withinDays": N }, per plan or per target.</summary>
/// <param name="Select">Which point to prove.</param>
/// <param name="WithinDays">Only points from the last N days count (random and oldest draw from them); null for every point kept.</param>
public sealed record RecoveryPointRule(PointSelect Select, int? WithinDays)
{
    public static RecoveryPointRule Latest { get; } = new(PointSelect.Latest, null);

    /// <summary>The longest window: AWS Backup keeps recovery points up to 100 years.</summary>
    public const int MaxWithinDays = 36500;
}
