using System.Text.RegularExpressions;

namespace DrillRunner.Core.Plans;

/// <summary>
/// What each AWS Backup resource type needs: how its ARN reads, AWS Backup's name for it, the
/// restore metadata keys that name the new resource, and the names AWS accepts for it.
/// </summary>
public static partial class BackupResources
{
    /// <summary>The ARN forms an "aws-backup" target accepts, for error messages.</summary>
    public const string SupportedArnForms =
        "arn:aws:dynamodb:REGION:ACCOUNT:table/NAME, arn:aws:s3:::BUCKET, arn:aws:rds:REGION:ACCOUNT:db:ID, " +
        "arn:aws:rds:REGION:ACCOUNT:cluster:ID, arn:aws:ec2:REGION:ACCOUNT:volume/vol-ID, arn:aws:elasticfilesystem:REGION:ACCOUNT:file-system/fs-ID";

    /// <summary>Reads the resource type and name from an ARN; null if the ARN is not one AWS Backup restores here.</summary>
    public static (BackupResourceType Type, string Name)? Parse(string arn)
    {
        var match = ArnPattern().Match(arn);
        if (!match.Success)
        {
            return null;
        }

        var service = match.Groups["service"].Value;
        var resource = match.Groups["resource"].Value;
        (BackupResourceType, string)? Named(BackupResourceType type, string prefix) =>
            resource.StartsWith(prefix, StringComparison.Ordinal) && resource.Length > prefix.Length && !resource[prefix.Length..].Contains('/')
                ? (type, resource[prefix.Length..])
                : null;

        return service switch
        {
            "dynamodb" => Named(BackupResourceType.DynamoDb, "table/"),
            "s3" when match.Groups["region"].Value.Length == 0 && !resource.Contains('/') => (BackupResourceType.S3, resource),
            "rds" => Named(BackupResourceType.Rds, "db:") ?? Named(BackupResourceType.Aurora, "cluster:"),
            "ec2" => Named(BackupResourceType.Ebs, "volume/"),
            "elasticfilesystem" => Named(BackupResourceType.Efs, "file-system/"),
            _ => null,
        };
    }

    /// <summary>AWS Backup's ResourceType value.</summary>
    public static string AwsName(BackupResourceType type) => type switch
    {
        BackupResourceType.DynamoDb => "DynamoDB",
        BackupResourceType.S3 => "S3",
        BackupResourceType.Rds => "RDS",
        BackupResourceType.Aurora => "Aurora",
        BackupResourceType.Ebs => "EBS",
        BackupResourceType.Efs => "EFS",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The scratch resource's kind as run records and teardown name it.</summary>
    public static string ScratchKind(BackupResourceType type) => type switch
    {
        BackupResourceType.DynamoDb => ScratchKinds.DynamoDbTable,
        BackupResourceType.S3 => ScratchKinds.S3Bucket,
        BackupResourceType.Rds => ScratchKinds.RdsInstance,
        BackupResourceType.Aurora => ScratchKinds.RdsCluster,
        BackupResourceType.Ebs => ScratchKinds.EbsVolume,
        BackupResourceType.Efs => ScratchKinds.EfsFileSystem,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Restore metadata the runner always sets, whatever the recovery point or the plan says: the
    /// scratch name, and for S3 and EFS the switch that makes AWS Backup create a new resource
    /// instead of restoring into the source (safety rule 1). Plans may not override these keys.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForcedMetadata(BackupResourceType type, string scratchName) => type switch
    {
        BackupResourceType.DynamoDb => new Dictionary<string, string> { ["targetTableName"] = scratchName },
        BackupResourceType.S3 => new Dictionary<string, string> { ["DestinationBucketName"] = scratchName, ["NewBucket"] = "true" },
        BackupResourceType.Rds => new Dictionary<string, string> { ["DBInstanceIdentifier"] = scratchName },
        BackupResourceType.Aurora => new Dictionary<string, string> { ["DBClusterIdentifier"] = scratchName },
        BackupResourceType.Ebs => new Dictionary<string, string>(),
        BackupResourceType.Efs => new Dictionary<string, string> { ["newFileSystem"] = "true", ["CreationToken"] = scratchName },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Metadata keys a plan may never set, compared case-insensitively (AWS Backup's keys vary in case).</summary>
    public static IReadOnlySet<string> ReservedMetadataKeys(BackupResourceType type) =>
        ForcedMetadata(type, "x").Keys.Append("file-system-id").ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a scratch name is not acceptable to AWS for this type, or null if it is.</summary>
    public static string? NameProblem(BackupResourceType type, string scratchName) => type switch
    {
        BackupResourceType.DynamoDb => scratchName.Length <= 255 && PlanReader.TableNamePattern().IsMatch(scratchName) ? null : "is not a valid DynamoDB table name (3–255 of a-z A-Z 0-9 _ . -)",
        BackupResourceType.S3 => scratchName.Length <= 63 && BucketNamePattern().IsMatch(scratchName) && !scratchName.Contains("..", StringComparison.Ordinal) ? null : "is not a valid S3 bucket name (3–63 of a-z 0-9 . -, starting and ending with a letter or digit)",
        BackupResourceType.Rds or BackupResourceType.Aurora => scratchName.Length <= 63 && DbIdentifierPattern().IsMatch(scratchName) && !scratchName.Contains("--", StringComparison.Ordinal) ? null : "is not a valid RDS identifier (1–63 of a-z 0-9 -, starting with a letter, no '--', not ending in '-')",
        BackupResourceType.Efs => scratchName.Length <= 64 ? null : "is longer than EFS's 64-character creation token",
        BackupResourceType.Ebs => scratchName.Length <= 255 ? null : "is longer than 255 characters (EC2 tag values)",
        _ => null,
    };

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:(?<service>[a-z0-9-]+):(?<region>[a-z0-9-]*):(?<account>[0-9]*):(?<resource>.+)$")]
    private static partial Regex ArnPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex("^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DbIdentifierPattern();
}
