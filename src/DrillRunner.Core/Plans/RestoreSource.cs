namespace DrillRunner.Core.Plans;

/// <summary>Where a DynamoDB target's recovery point comes from.</summary>
public enum RestoreSource
{
    /// <summary>Point-in-time recovery when it is enabled, otherwise the newest backup.</summary>
    Auto,

    /// <summary>Point-in-time recovery at the latest restorable time.</summary>
    Pitr,

    /// <summary>The newest AVAILABLE on-demand or AWS-Backup-made backup.</summary>
    Backup,
}
