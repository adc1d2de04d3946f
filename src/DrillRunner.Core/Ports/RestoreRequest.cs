namespace DrillRunner.Core.Ports;

/// <summary>What AWS answered to a restore request.</summary>
/// <param name="RestoredPointInTime">The point the restore holds, when AWS says (PITR: RestoreDateTime).</param>
/// <param name="SourceSizeBytes">The source table's size as DynamoDB last reported it (updated about every six hours); null when unknown.</param>
public sealed record RestoreRequest(string TableArn, DateTimeOffset? RestoredPointInTime, long? SourceSizeBytes = null);
