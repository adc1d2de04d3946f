namespace DrillRunner.Core.Runs;

/// <summary>The recovery point a target was (or will be) restored from.</summary>
/// <param name="Kind">"pitr" or "backup".</param>
/// <param name="BackupArn">The backup restored, for kind "backup".</param>
/// <param name="CreatedAt">RP: the point in time whose data the restore holds.</param>
public sealed record RecoveryPoint(string Kind, string? BackupArn, DateTimeOffset CreatedAt)
{
    public const string Pitr = "pitr";
    public const string Backup = "backup";
}
