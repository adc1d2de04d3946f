namespace DrillRunner.Core.Plans;

/// <summary>The kinds of scratch resource a run can create; teardown and the janitor act by kind.</summary>
public static class ScratchKinds
{
    public const string DynamoDbTable = "dynamodb-table";
    public const string S3Bucket = "s3-bucket";
    public const string RdsInstance = "rds-instance";
    public const string RdsCluster = "rds-cluster";
    public const string EbsVolume = "ebs-volume";
    public const string EfsFileSystem = "efs-file-system";

    /// <summary>Kinds whose names live only in a Name tag (AWS assigns their ids).</summary>
    public static bool NamedByTag(string kind) => kind is EbsVolume or EfsFileSystem;

    /// <summary>Kind of a resource from its ARN, or null for one the runner never creates.</summary>
    public static string? OfArn(string arn) =>
        BackupResources.Parse(arn) is { } parsed ? BackupResources.ScratchKind(parsed.Type) : null;
}
