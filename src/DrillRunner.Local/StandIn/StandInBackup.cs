namespace DrillRunner.Local.StandIn;

/// <summary>
/// A backup the stand-in made. Its items live in a hidden dynalite table (<see cref="CopyTable"/>),
/// shaped like the source was, so a backup survives between commands when dynalite keeps its data on disk.
/// </summary>
internal sealed record StandInBackup(
    string Arn,
    string Name,
    string TableName,
    string TableArn,
    string BackupType,
    DateTimeOffset CreatedAt,
    string CopyTable);
