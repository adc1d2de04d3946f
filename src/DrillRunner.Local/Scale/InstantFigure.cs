using DrillRunner.Core.Runs;

namespace DrillRunner.Local.Scale;

/// <summary>What one drill of many tables to one common instant T measured.</summary>
/// <param name="Drill">The drill's own figures (verdict, payload, runs-table item, wall time).</param>
/// <param name="Instant">T as the run recorded it, with the window it was drawn from and the time choosing it took.</param>
/// <param name="ContinuousBackupLooks">DescribeContinuousBackups calls the stand-in received while BeginDrill chose T.</param>
/// <param name="Targets">Each target: what it was restored to, and what its source offered.</param>
public sealed record InstantFigure(DrillFigure Drill, CommonInstant Instant, int ContinuousBackupLooks, IReadOnlyList<TargetInstant> Targets)
{
    /// <summary>The largest T − (instant a target reached), over every target with a recovery point.</summary>
    public double LargestSkewSeconds => Targets.Select(t => t.SkewSeconds ?? 0).DefaultIfEmpty(0).Max();

    /// <summary>Targets restored to exactly T.</summary>
    public int AtT => Targets.Count(t => t.SkewSeconds == 0);

    /// <summary>Targets with PITR off, restored from a backup.</summary>
    public int BackupOnly => Targets.Count(t => t.BackupOnly);
}
