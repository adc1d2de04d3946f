using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// What the state machine's AWS SDK integrations talk to locally: AWS Backup (recovery points,
/// restore jobs, validation results), the tagging API, and the RDS, EC2 and EFS calls the drill
/// makes. Answers are shaped as the API models' output shapes (Step Functions' form: PascalCase
/// members, ISO 8601 timestamps); errors are named "Service.Exception". Restores of tables and
/// buckets create real local tables (through the DynamoDB stand-in) and buckets (in the local
/// S3), so the functions verify them with the real SDK clients. Databases, volumes and file systems
/// exist only as records here. Test and demo infrastructure, never a production path.
/// </summary>
public sealed partial class LocalAwsWorld(TimeProvider time, LocalS3 s3, IAmazonDynamoDB dynamoDb)
{
    public const string Account = "000000000000";
    public const string Region = "us-east-1";

    private readonly ConcurrentDictionary<string, List<LocalRecoveryPoint>> _points = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalRestoreJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalResource> _resources = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LocalAwsCall> _calls = new();
    private readonly ConcurrentQueue<LocalValidation> _validations = new();
    private int _ids;

    /// <summary>Every "service:action" the local world answers; the ASL may call no other.</summary>
    public static IReadOnlySet<string> Answers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "backup:listRecoveryPointsByResource", "backup:getRecoveryPointRestoreMetadata", "backup:startRestoreJob", "backup:describeRestoreJob", "backup:putRestoreValidationResult",
        "resourcegroupstaggingapi:tagResources", "resourcegroupstaggingapi:getResources",
        "rds:describeDBInstances", "rds:describeDBClusters", "rds:deleteDBInstance", "rds:deleteDBCluster",
        "ec2:describeVolumes", "ec2:deleteVolume", "efs:describeFileSystems", "efs:deleteFileSystem",
        "dynamodb:listTables", "dynamodb:describeContinuousBackups", "dynamodb:listBackups", "backup:listProtectedResources", "s3:listBuckets",
        "applicationautoscaling:describeScalingPolicies",
        "backup:listBackupVaults", "backup:listRecoveryPointsByBackupVault", "backup:listCopyJobs", "backup:deleteRecoveryPoint",
    };

    /// <summary>Application Auto Scaling's policies, by resource id (table/NAME): the names DescribeScalingPolicies lists.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<string>> ScalingPolicies { get; } = new(StringComparer.Ordinal);

    /// <summary>ListRecoveryPointsByResource page size (AWS decides its own; small values exercise paging).</summary>
    public int RecoveryPointPageSize { get; set; } = 100;

    /// <summary>How many resources one GetResources page holds (AWS: up to 100), to exercise the janitor's paging.</summary>
    public int TaggedResourcesPageSize { get; set; } = 100;

    /// <summary>How long a restore job runs before it completes.</summary>
    public TimeSpan RestoreDuration { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How many describe calls see a restored database, volume or file system before it is available.</summary>
    public int DescribesBeforeAvailable { get; set; } = 1;

    /// <summary>Restore jobs of these source resource ARNs end in the given status (FAILED or ABORTED).</summary>
    public ConcurrentDictionary<string, string> JobOutcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>TagResources reports every resource as failed.</summary>
    public bool FailTagging { get; set; }

    /// <summary>The port restored databases' endpoints give (on 127.0.0.1).</summary>
    public int DatabasePort { get; set; } = 1;

    public LocalS3 S3 => s3;

    /// <summary>Every call the state machine made, with what it was answered (null on error).</summary>
    public IReadOnlyCollection<LocalAwsCall> Calls => _calls;

    /// <summary>What PutRestoreValidationResult was told.</summary>
    public IReadOnlyCollection<LocalValidation> Validations => _validations;

    public IReadOnlyCollection<LocalResource> Resources => _resources.Values.ToList();

    public LocalResource? Resource(string arn) => _resources.TryGetValue(arn, out var found) ? found : null;

    /// <summary>A protected (source) resource that exists: databases, volumes and file systems live only here.</summary>
    public string AddSource(string kind, string id, IReadOnlyDictionary<string, string>? tags = null)
    {
        var arn = ArnOf(kind, id);
        _resources[arn] = new LocalResource(kind, id, arn, IsSource: true) { Status = "available" };
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            _resources[arn].Tags[key] = value;
        }

        return arn;
    }

    /// <summary>A database, volume or file system as a restore would have left it (available, with these tags): what a stopped drill leaks.</summary>
    public string AddRestored(string kind, string id, IReadOnlyDictionary<string, string> tags)
    {
        var arn = ArnOf(kind, id);
        _resources[arn] = new LocalResource(kind, id, arn, IsSource: false) { Status = "available" };
        foreach (var (key, value) in tags)
        {
            _resources[arn].Tags[key] = value;
        }

        return arn;
    }

    /// <summary>A recovery point of <paramref name="resourceArn"/> in a vault of the local account and region (made when missing). Listing returns points in the order they were added.</summary>
    public LocalRecoveryPoint AddRecoveryPoint(string resourceArn, DateTimeOffset createdAt, string vault = DefaultVault, string status = "COMPLETED", IReadOnlyDictionary<string, string>? metadata = null)
    {
        var parsed = RestoreKinds.Parse(resourceArn) ?? throw new ArgumentException($"Not a resource ARN AWS Backup restores: {resourceArn}", nameof(resourceArn));
        var arn = PointArn(parsed.Kind, Region, Account);
        EnsureLocalVault(vault);
        var restoreMetadata = new Dictionary<string, string>(metadata ?? DefaultMetadata(parsed.Kind.ScratchKind, parsed.Name), StringComparer.Ordinal);
        var point = new LocalRecoveryPoint(arn, resourceArn, parsed.Kind, parsed.Name, vault, createdAt, status, restoreMetadata)
        {
            Objects = parsed.Kind == RestoreKinds.S3Bucket && s3.Exists(parsed.Name) ? s3.Snapshot(parsed.Name) : null,
        };
        _points.GetOrAdd(resourceArn, _ => []).Add(point);
        return point;
    }

    /// <summary>Answers one AWS SDK integration call: "backup", "listRecoveryPointsByResource" and the task's Parameters.</summary>
    public async Task<JsonNode> CallAsync(string service, string action, JsonObject input, CancellationToken cancellationToken)
    {
        try
        {
            JsonNode output = (service, action) switch
            {
                ("backup", "listRecoveryPointsByResource") => ListRecoveryPoints(input),
                ("backup", "getRecoveryPointRestoreMetadata") => RestoreMetadata(input),
                ("backup", "startRestoreJob") => StartRestoreJob(input),
                ("backup", "describeRestoreJob") => await DescribeRestoreJobAsync(input, cancellationToken),
                ("backup", "putRestoreValidationResult") => PutValidation(input),
                ("resourcegroupstaggingapi", "tagResources") => await TagResourcesAsync(input, cancellationToken),
                ("resourcegroupstaggingapi", "getResources") => GetResources(input),
                ("rds", "describeDBInstances") when input["DBInstanceIdentifier"] is null => ListDatabases(input, ScratchKinds.RdsInstance, "DBInstances"),
                ("rds", "describeDBClusters") when input["DBClusterIdentifier"] is null => ListDatabases(input, ScratchKinds.RdsCluster, "DBClusters"),
                ("ec2", "describeVolumes") when input["VolumeIds"] is null => ListVolumes(input),
                ("efs", "describeFileSystems") when input["FileSystemId"] is null => ListFileSystems(input),
                ("dynamodb", "listTables") => await ListTablesAsync(input, cancellationToken),
                ("dynamodb", "describeContinuousBackups") => await DescribeContinuousBackupsAsync(input, cancellationToken),
                ("dynamodb", "listBackups") => await ListBackupsAsync(input, cancellationToken),
                ("backup", "listProtectedResources") => ListProtectedResources(input),
                ("backup", "listBackupVaults") => ListBackupVaults(input),
                ("backup", "listRecoveryPointsByBackupVault") => ListRecoveryPointsByBackupVault(input),
                ("backup", "listCopyJobs") => ListCopyJobs(input),
                ("backup", "deleteRecoveryPoint") => DeleteRecoveryPoint(input),
                ("s3", "listBuckets") => ListBuckets(input),
                ("applicationautoscaling", "describeScalingPolicies") => DescribeScalingPolicies(input),
                ("rds", "describeDBInstances") => DescribeDatabase(input, ScratchKinds.RdsInstance, "DBInstanceIdentifier", "DBInstances"),
                ("rds", "describeDBClusters") => DescribeDatabase(input, ScratchKinds.RdsCluster, "DBClusterIdentifier", "DBClusters"),
                ("rds", "deleteDBInstance") => DeleteDatabase(input, ScratchKinds.RdsInstance, "DBInstanceIdentifier", "DBInstance"),
                ("rds", "deleteDBCluster") => DeleteDatabase(input, ScratchKinds.RdsCluster, "DBClusterIdentifier", "DBCluster"),
                ("ec2", "describeVolumes") => DescribeVolumes(input),
                ("ec2", "deleteVolume") => Delete(ScratchKinds.EbsVolume, Required(input, "VolumeId"), "Ec2.InvalidVolume.NotFound"),
                ("efs", "describeFileSystems") => DescribeFileSystems(input),
                ("efs", "deleteFileSystem") => Delete(ScratchKinds.EfsFileSystem, Required(input, "FileSystemId"), "Efs.FileSystemNotFoundException"),
                _ => throw new LocalAwsError("States.TaskFailed", $"The local AWS world does not answer {service}:{action}."),
            };
            _calls.Enqueue(new LocalAwsCall(service, action, input.DeepClone().AsObject(), output.DeepClone(), null));
            return output;
        }
        catch (LocalAwsError error)
        {
            _calls.Enqueue(new LocalAwsCall(service, action, input.DeepClone().AsObject(), null, error.Name));
            throw;
        }
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private int Next() => Interlocked.Increment(ref _ids);

    private static string Required(JsonObject input, string member) =>
        input[member]?.GetValue<string>() is { Length: > 0 } value ? value : throw new LocalAwsError("States.TaskFailed", $"Missing required parameter {member}");

    private static string ArnOf(string kind, string id) => kind switch
    {
        ScratchKinds.RdsInstance => $"arn:aws:rds:{Region}:{Account}:db:{id}",
        ScratchKinds.RdsCluster => $"arn:aws:rds:{Region}:{Account}:cluster:{id}",
        ScratchKinds.EbsVolume => $"arn:aws:ec2:{Region}:{Account}:volume/{id}",
        ScratchKinds.EfsFileSystem => $"arn:aws:elasticfilesystem:{Region}:{Account}:file-system/{id}",
        ScratchKinds.S3Bucket => $"arn:aws:s3:::{id}",
        ScratchKinds.DynamoDbTable => $"arn:aws:dynamodb:{Region}:{Account}:table/{id}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Dictionary<string, string> DefaultMetadata(string scratchKind, string name) => scratchKind switch
    {
        ScratchKinds.RdsInstance => new() { ["DBInstanceIdentifier"] = name, ["Engine"] = "postgres", ["DBInstanceClass"] = "db.t4g.medium", ["MultiAZ"] = "false" },
        ScratchKinds.RdsCluster => new() { ["DBClusterIdentifier"] = name, ["Engine"] = "aurora-postgresql" },
        ScratchKinds.EbsVolume => new() { ["availabilityZone"] = $"{Region}a", ["volumeType"] = "gp3", ["volumeSize"] = "20", ["encrypted"] = "true" },
        ScratchKinds.EfsFileSystem => new() { ["file-system-id"] = name, ["Encrypted"] = "true", ["PerformanceMode"] = "generalPurpose", ["newFileSystem"] = "false" },
        ScratchKinds.S3Bucket => new() { ["DestinationBucketName"] = name, ["NewBucket"] = "false", ["Encrypted"] = "true", ["EncryptionType"] = "SSE-S3" },
        ScratchKinds.DynamoDbTable => new() { ["originalTableName"] = name, ["targetTableName"] = name, ["encryptionType"] = "Default" },
        _ => [],
    };
}
