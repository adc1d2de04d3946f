namespace DrillRunner.Core.Kinds;

/// <summary>The names of the kinds of scratch resource a run can create (run records keep them); each kind's record is in <see cref="RestoreKinds"/>.</summary>
public static class ScratchKinds
{
    public const string DynamoDbTable = "dynamodb-table";
    public const string S3Bucket = "s3-bucket";
    public const string RdsInstance = "rds-instance";
    public const string RdsCluster = "rds-cluster";
    public const string EbsVolume = "ebs-volume";
    public const string EfsFileSystem = "efs-file-system";

    /// <summary>Kinds whose names live only in a Name tag (AWS assigns their ids).</summary>
    public static bool NamedByTag(string kind) => RestoreKinds.OfScratchKind(kind)?.NamedByTag ?? false;

}
