namespace DrillRunner.Core.Coverage;

/// <summary>When a recovery point or a drill's PASS is too old.</summary>
/// <param name="BackupStaleAfter">BACKUP_STALE beyond this: a daily backup that missed one day (26 h: a day plus the backup window).</param>
/// <param name="DrillStaleAfter">DRILL_STALE beyond this: a weekly drill that missed one week (8 days, as the NoPassInEightDays alarm).</param>
public sealed record CoverageThresholds(TimeSpan BackupStaleAfter, TimeSpan DrillStaleAfter)
{
    public static CoverageThresholds Default { get; } = new(TimeSpan.FromHours(26), TimeSpan.FromDays(8));

    /// <summary>
    /// The events a resource in no plan (or in plans without "survival") must survive: the stack's
    /// SurvivalRequire parameter; findings for the others are advisory.
    /// </summary>
    public IReadOnlyList<Plans.SurvivalEvent> SurvivalRequired { get; init; } = Plans.SurvivalEvents.Default;

    public const int MaxDays = 366;

    public const int MaxHours = 24 * MaxDays;

    /// <summary>The thresholds an audit's input asks for (hours, days), each checked; null keeps the default.</summary>
    public static CoverageThresholds From(double? backupStaleHours, double? drillStaleDays)
    {
        if (backupStaleHours is { } hours && (hours <= 0 || hours > MaxHours))
        {
            throw new ArgumentOutOfRangeException(nameof(backupStaleHours), hours, $"backupStaleHours must be above 0 and at most {MaxHours} (default {Default.BackupStaleAfter.TotalHours}).");
        }

        if (drillStaleDays is { } days && (days <= 0 || days > MaxDays))
        {
            throw new ArgumentOutOfRangeException(nameof(drillStaleDays), days, $"drillStaleDays must be above 0 and at most {MaxDays} (default {Default.DrillStaleAfter.TotalDays}).");
        }

        return new(
            backupStaleHours is { } h ? TimeSpan.FromHours(h) : Default.BackupStaleAfter,
            drillStaleDays is { } d ? TimeSpan.FromDays(d) : Default.DrillStaleAfter);
    }

    public bool Equals(CoverageThresholds? other) =>
        other is not null && BackupStaleAfter == other.BackupStaleAfter && DrillStaleAfter == other.DrillStaleAfter && SurvivalRequired.SequenceEqual(other.SurvivalRequired);

    public override int GetHashCode() => HashCode.Combine(BackupStaleAfter, DrillStaleAfter, SurvivalRequired.Count);
}
