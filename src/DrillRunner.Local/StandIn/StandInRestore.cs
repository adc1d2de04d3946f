namespace DrillRunner.Local.StandIn;

/// <summary>A restore in progress: CREATING until <see cref="ReadyAt"/> and the copy are both done.</summary>
internal sealed class StandInRestore(string targetTable, string sourceTableArn, string? backupArn, DateTimeOffset restoredTo, DateTimeOffset readyAt)
{
    public string TargetTable { get; } = targetTable;

    public string SourceTableArn { get; } = sourceTableArn;

    public string? BackupArn { get; } = backupArn;

    public DateTimeOffset RestoredTo { get; } = restoredTo;

    public DateTimeOffset ReadyAt { get; } = readyAt;

    /// <summary>Set when the items are copied and the delay has passed.</summary>
    public volatile bool Done;
}
