using System.Text.RegularExpressions;

namespace DrillRunner.Core.Kinds;

/// <summary>The resource kinds the runner restores from AWS Backup, one record each.</summary>
public static partial class RestoreKinds
{
    public static RestoreKind DynamoDbTable { get; } = new()
    {
        RecoveryChecklist = ["IAM policies that name the table (the restored table has a new name and ARN)", "CloudWatch metrics and alarms on the table"],
        Inventory = EstateListing.DynamoDbTables,
        LacksProtection = "point-in-time recovery, no backup",
        ProtectFix = name => $"Turn point-in-time recovery on ({TurnPitrOn(name)}) or add it to an AWS Backup plan.",
        StaleBackupFix = name => $"Check what makes its backups (the AWS Backup plan's rule, or the job that calls CreateBackup) and its latest jobs (failed, expired or never run), or turn point-in-time recovery on ({TurnPitrOn(name)}): its latest restorable time is then about 5 minutes ago.",
        ScratchKind = ScratchKinds.DynamoDbTable,
        AwsBackupName = "DynamoDB",
        DisplayName = "DynamoDB table",
        Noun = "table",
        ArnService = "dynamodb",
        ArnResourcePrefix = "table/",
        NamePlaceholder = "NAME",
        ForcedMetadata = name => new Dictionary<string, string> { ["targetTableName"] = name },
        MaxNameLength = 255,
        NamePattern = TableNamePattern(),
        NameRule = "is not a valid DynamoDB table name (3–255 of a-z A-Z 0-9 _ . -)",
        Check = RestoredCheck.TableData,
        VerifierIdentifier = "tableName",
        RestoreActions = ["dynamodb:RestoreTableFromAwsBackup"],
        DeletedBy = Deleter.ScratchTables,
        FunctionDeleteActions = ["dynamodb:DeleteTable"],
    };

    public static RestoreKind S3Bucket { get; } = new()
    {
        RecoveryChecklist = ["the bucket policy, lifecycle rules, replication and event notifications of the new bucket (AWS Backup restores objects)", "IAM policies that name the bucket"],
        Inventory = EstateListing.S3Buckets,
        StaleBackupFix = _ => "Check the AWS Backup plan that selects it: a rule that runs at least daily, or continuous backup, and its latest backup jobs (failed, expired or never run).",
        ScratchKind = ScratchKinds.S3Bucket,
        AwsBackupName = "S3",
        DisplayName = "S3 bucket",
        Noun = "bucket",
        ArnService = "s3",
        ArnResourcePrefix = string.Empty,
        GlobalArn = true,
        NamePlaceholder = "BUCKET",
        ForcedMetadata = name => new Dictionary<string, string> { ["DestinationBucketName"] = name, ["NewBucket"] = "true" },
        MaxNameLength = 63,
        NamePattern = BucketNamePattern(),
        NameRule = "is not a valid S3 bucket name (3–63 of a-z 0-9 . -, starting and ending with a letter or digit)",
        NameFix = LowercaseNameFix,
        Check = RestoredCheck.BucketData,
        VerifierIdentifier = "bucketName",
        RestoreActions = ["s3:CreateBucket"],
        DeletedBy = Deleter.ScratchBuckets,
        FunctionDeleteActions = ["s3:DeleteBucket"],
    };

    public static RestoreKind RdsInstance { get; } = new()
    {
        RecoveryChecklist = ["the security group and DB parameter group (a restore from a snapshot gets the default ones)", "Multi-AZ (a restore is single-AZ unless asked)", "IAM policies, alarms and connection strings that name the instance"],
        Inventory = EstateListing.RdsInstances,
        LacksProtection = "automated backups",
        ProtectFix = _ => DatabaseProtectFix,
        StaleBackupFix = _ => DatabaseStaleBackupFix("describe-db-instances"),
        ScratchKind = ScratchKinds.RdsInstance,
        AwsBackupName = "RDS",
        DisplayName = "RDS instance",
        Noun = "database",
        ArnService = "rds",
        ArnResourcePrefix = "db:",
        NamePlaceholder = "ID",
        ForcedMetadata = name => new Dictionary<string, string> { ["DBInstanceIdentifier"] = name },
        MaxNameLength = 63,
        NamePattern = DbIdentifierPattern(),
        NameRule = DbIdentifierRule,
        NameFix = LowercaseNameFix,
        Check = RestoredCheck.DatabaseEndpoint,
        VerifierIdentifier = "dbInstanceIdentifier",
        StateSuffix = "DBInstance",
        Readiness = new(new AwsCall("rds", "describeDBInstances", "DBInstanceIdentifier", IdIsList: false, "rds:DescribeDBInstances"), "DBInstances", "DBInstanceIdentifier", "DBInstanceStatus")
        {
            EndpointMember = "Endpoint",
            AddressMember = "Address",
            PortMember = "Port",
        },
        Delete = new AwsCall("rds", "deleteDBInstance", "DBInstanceIdentifier", IdIsList: false, "rds:DeleteDBInstance")
        {
            Switches = new Dictionary<string, bool> { ["SkipFinalSnapshot"] = true, ["DeleteAutomatedBackups"] = true },
        },
        RestoreActions = ["rds:RestoreDBInstanceFromDBSnapshot"],
    };

    public static RestoreKind AuroraCluster { get; } = new()
    {
        RecoveryChecklist = ["the cluster's DB instances (a cluster restored from a snapshot has none until they are created)", "the security group and DB cluster parameter group", "IAM policies, alarms and connection strings that name the cluster"],
        Inventory = EstateListing.DbClusters,
        LacksProtection = "automated backups",
        ProtectFix = _ => DatabaseProtectFix,
        StaleBackupFix = _ => DatabaseStaleBackupFix("describe-db-clusters"),
        ScratchKind = ScratchKinds.RdsCluster,
        AwsBackupName = "Aurora",
        DisplayName = "Aurora cluster",
        Noun = "database cluster",
        ArnService = "rds",
        ArnResourcePrefix = "cluster:",
        NamePlaceholder = "ID",
        ForcedMetadata = name => new Dictionary<string, string> { ["DBClusterIdentifier"] = name },
        MaxNameLength = 63,
        NamePattern = DbIdentifierPattern(),
        NameRule = DbIdentifierRule,
        NameFix = LowercaseNameFix,
        Check = RestoredCheck.DatabaseEndpoint,
        VerifierIdentifier = "dbClusterIdentifier",
        StateSuffix = "DBCluster",
        Readiness = new(new AwsCall("rds", "describeDBClusters", "DBClusterIdentifier", IdIsList: false, "rds:DescribeDBClusters"), "DBClusters", "DBClusterIdentifier", "Status")
        {
            AddressMember = "Endpoint",
            PortMember = "Port",
            EndpointNeeds = "DBClusterMembers",
            NoEndpointNote = "AWS Backup restores an Aurora cluster without DB instances: no endpoint accepts connections until one is added (the verifier Lambda can)",
        },
        Delete = new AwsCall("rds", "deleteDBCluster", "DBClusterIdentifier", IdIsList: false, "rds:DeleteDBCluster")
        {
            Switches = new Dictionary<string, bool> { ["SkipFinalSnapshot"] = true },
        },
        RestoreActions = ["rds:RestoreDBClusterFromSnapshot"],
    };

    public static RestoreKind EbsVolume { get; } = new()
    {
        RecoveryChecklist = ["attaching the volume to its instance (a restored volume is not attached)", "tags, and the snapshot schedule of the new volume"],
        Inventory = EstateListing.EbsVolumes,
        // The audit counts only AWS Backup's points for a volume (docs/coverage.md, "Not seen"): say so, since DLM snapshots may be fresh.
        StaleBackupFix = _ => $"{RestoreKind.CheckBackupPlan} Snapshots taken outside AWS Backup (Data Lifecycle Manager, scripts) are not seen by the audit.",
        ScratchKind = ScratchKinds.EbsVolume,
        AwsBackupName = "EBS",
        DisplayName = "EBS volume",
        Noun = "volume",
        ArnService = "ec2",
        ArnResourcePrefix = "volume/",
        NamePlaceholder = "vol-ID",
        ForcedMetadata = _ => new Dictionary<string, string>(),
        MaxNameLength = 255,
        NameRule = "is longer than 255 characters (EC2 tag values)",
        NamedByTag = true,
        Check = RestoredCheck.Availability,
        VerifierIdentifier = "volumeId",
        StateSuffix = "Volume",
        Readiness = new(new AwsCall("ec2", "describeVolumes", "VolumeIds", IdIsList: true, "ec2:DescribeVolumes"), "Volumes", "VolumeId", "State"),
        Delete = new AwsCall("ec2", "deleteVolume", "VolumeId", IdIsList: false, "ec2:DeleteVolume"),
        RestoreActions = ["ec2:CreateVolume"],
    };

    public static RestoreKind EfsFileSystem { get; } = new()
    {
        RecoveryChecklist = ["mount targets and access points of the new file system", "its file-system policy and lifecycle policy"],
        Inventory = EstateListing.EfsFileSystems,
        StaleBackupFix = _ => "Check the AWS Backup plan that selects it (or the file system's automatic backups): a rule that runs at least daily, and its latest backup jobs (failed, expired or never run).",
        ScratchKind = ScratchKinds.EfsFileSystem,
        AwsBackupName = "EFS",
        DisplayName = "EFS file system",
        Noun = "file system",
        ArnService = "elasticfilesystem",
        ArnResourcePrefix = "file-system/",
        NamePlaceholder = "fs-ID",
        ForcedMetadata = name => new Dictionary<string, string> { ["newFileSystem"] = "true", ["CreationToken"] = name },
        AlsoReservedMetadata = ["file-system-id"],
        MaxNameLength = 64,
        NameRule = "is longer than EFS's 64-character creation token",
        NamedByTag = true,
        Check = RestoredCheck.Availability,
        VerifierIdentifier = "fileSystemId",
        StateSuffix = "FileSystem",
        Readiness = new(new AwsCall("efs", "describeFileSystems", "FileSystemId", IdIsList: false, "elasticfilesystem:DescribeFileSystems"), "FileSystems", "FileSystemId", "LifeCycleState"),
        Delete = new AwsCall("efs", "deleteFileSystem", "FileSystemId", IdIsList: false, "elasticfilesystem:DeleteFileSystem"),
        RestoreActions = ["elasticfilesystem:Restore"],
    };

    /// <summary>Every kind, in the order the state machine's Choices test them.</summary>
    public static IReadOnlyList<RestoreKind> All { get; } = [DynamoDbTable, S3Bucket, RdsInstance, AuroraCluster, EbsVolume, EfsFileSystem];

    /// <summary>The ARN forms an "aws-backup" target accepts, for error messages.</summary>
    public static string SupportedArnForms => string.Join(", ", All.Select(k => k.ArnForm));

    /// <summary>The record of a scratch kind; null for a kind the runner never creates.</summary>
    public static RestoreKind? OfScratchKind(string scratchKind) => All.FirstOrDefault(k => k.ScratchKind == scratchKind);

    /// <summary>Reads the kind and name from an ARN; null if the ARN is not one AWS Backup restores here.</summary>
    public static (RestoreKind Kind, string Name)? Parse(string arn)
    {
        var match = ArnPattern().Match(arn);
        if (!match.Success)
        {
            return null;
        }

        var regionless = match.Groups["region"].Value.Length == 0;
        var resource = match.Groups["resource"].Value;
        foreach (var kind in All.Where(k => k.ArnService == match.Groups["service"].Value && (!k.GlobalArn || regionless)))
        {
            if (resource.StartsWith(kind.ArnResourcePrefix, StringComparison.Ordinal) && resource.Length > kind.ArnResourcePrefix.Length && !resource[kind.ArnResourcePrefix.Length..].Contains('/'))
            {
                return (kind, resource[kind.ArnResourcePrefix.Length..]);
            }
        }

        return null;
    }

    private const string DatabaseProtectFix = "Set a backup retention period of at least 1 day, or add it to an AWS Backup plan.";

    /// <summary>RDS and Aurora restore to a point in time from their automated backups, whose latest restorable time is normally minutes old.</summary>
    private static string DatabaseStaleBackupFix(string describe) =>
        $"Check its automated backups (a backup retention period above 0, and the latest restorable time {describe} shows) and, if AWS Backup also backs it up, that plan's rule and latest jobs (failed, expired or never run).";

    private static string TurnPitrOn(string table) =>
        $"aws dynamodb update-continuous-backups --table-name {table} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true";

    private const string LowercaseNameFix = "use a lowercase target id and scratch prefix of a-z, 0-9 and '-' (e.g. \"drill-\" and \"orders-db\"), short enough for 63 characters.";

    private const string DbIdentifierRule = "is not a valid RDS identifier (1–63 of a-z 0-9 -, starting with a letter, no '--', not ending in '-')";

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:(?<service>[a-z0-9-]+):(?<region>[a-z0-9-]*):(?<account>[0-9]*):(?<resource>.+)$")]
    private static partial Regex ArnPattern();

    /// <summary>The names DynamoDB accepts for a table: a plan's source tables, and every scratch table.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    internal static partial Regex TableNamePattern();

    [GeneratedRegex(@"^(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex("^(?!.*--)[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DbIdentifierPattern();
}
