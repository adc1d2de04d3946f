namespace DrillRunner.Core.Ports;

/// <summary>What AWS answered to a restore request.</summary>
/// <param name="RestoredPointInTime">The point the restore holds, when AWS says (PITR: RestoreDateTime).</param>
public sealed record RestoreRequest(string TableArn, DateTimeOffset? RestoredPointInTime);
