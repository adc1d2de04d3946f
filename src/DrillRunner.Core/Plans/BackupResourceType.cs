namespace DrillRunner.Core.Plans;

/// <summary>The kinds of resource an "aws-backup" target can restore (read from its ARN).</summary>
public enum BackupResourceType
{
    DynamoDb,
    S3,
    Rds,
    Aurora,
    Ebs,
    Efs,
}
