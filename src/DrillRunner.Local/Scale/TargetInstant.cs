using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Local.Scale;

/// <summary>One target of a common-instant drill: what the run recorded, and what its source offered (read from the stand-in after the drill).</summary>
/// <param name="TargetId">The plan's id of the target.</param>
/// <param name="BackupOnly">The plan restores it from "backup" (its PITR is off).</param>
/// <param name="Stage">How far it got.</param>
/// <param name="RestoredTo">The recovery point the run recorded: for PITR, the RestoreDateTime the restore reported.</param>
/// <param name="SkewSeconds">The run's skew for it (<see cref="CommonInstant.SkewSeconds"/>).</param>
/// <param name="Window">Its source's PITR window after the drill (its start is when PITR was turned on; its end only grows), or null with PITR off.</param>
/// <param name="Backups">When its source's backups were made.</param>
public sealed record TargetInstant(string TargetId, bool BackupOnly, TargetStage Stage, RecoveryPoint? RestoredTo, double? SkewSeconds, ContinuousWindow? Window, IReadOnlyList<DateTimeOffset> Backups);
