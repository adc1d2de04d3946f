namespace DrillRunner.Core.Plans;

/// <summary>One protected resource of a plan: a DynamoDB table drilled natively, or any resource AWS Backup protects.</summary>
public abstract record DrillTarget(string Id)
{
    /// <summary>The source resource's name as its owners know it (table, bucket, DB identifier, volume or file system id).</summary>
    public abstract string SourceName { get; }

    /// <summary>The plan's "type" value: "dynamodb" or "aws-backup".</summary>
    public abstract string Type { get; }

    /// <summary>This target's own "recoveryPoint", overriding the plan's; null to follow the plan.</summary>
    public RecoveryPointRule? RecoveryPoint { get; init; }
}
