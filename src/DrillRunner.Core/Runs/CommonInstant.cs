namespace DrillRunner.Core.Runs;

/// <summary>
/// The one instant T every target of a common-instant drill is restored to, chosen before any restore.
/// Continuous backups (DynamoDB PITR) restore to exactly T; a target with only snapshots uses its
/// newest point at or before T, and its skew (T minus the instant it reached) is recorded.
/// </summary>
/// <param name="At">T.</param>
/// <param name="Select">How T was drawn from the window every continuous target can reach.</param>
/// <param name="WindowFrom">The earliest instant every continuous target could be restored to (and the plan's window allowed).</param>
/// <param name="WindowTo">The latest such instant.</param>
/// <param name="ContinuousTargets">How many targets had continuous backups that bounded the window.</param>
public sealed record CommonInstant(DateTimeOffset At, PointSelect Select, DateTimeOffset WindowFrom, DateTimeOffset WindowTo, int ContinuousTargets)
{
    /// <summary>The target whose latest restorable time ended the window (T cannot be later), if any.</summary>
    public string? LatestBoundBy { get; init; }

    /// <summary>The target whose earliest restorable time began the window, if any.</summary>
    public string? EarliestBoundBy { get; init; }

    /// <summary>How long choosing T took (one look at every continuous target's window).</summary>
    public double ChoiceSeconds { get; init; }

    /// <summary>T minus the instant a target was restored to; null until it has a recovery point.</summary>
    public double? SkewSeconds(TargetRun target) =>
        target.RecoveryPoint is { } point ? Math.Max(0, (At - point.CreatedAt).TotalSeconds) : null;
}
