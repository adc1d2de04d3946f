using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// Reads one page of an <see cref="EstateListing"/>, as the state machine's SDK integration
/// returned it (the API model's output shape, PascalCase), into observations, and its next-page
/// token. DynamoDB's table pages also carry <c>Pitr</c>: each table's DescribeContinuousBackups.
/// </summary>
public static class EstateReader
{
    /// <summary>Where the state machine puts a table page's DescribeContinuousBackups answers (one per table).</summary>
    public const string PitrMember = "Pitr";

    /// <summary>Where each of those answers keeps DescribeContinuousBackups' output.</summary>
    public const string PitrAnswerMember = "Answer";

    /// <summary>Where an answer keeps the error of a table whose PITR could not be read.</summary>
    public const string PitrErrorMember = "Error";

    public static IReadOnlyList<EstateObservation> Read(EstateListing listing, JsonObject page, AuditScope scope)
    {
        var items = page[listing.ItemsMember] as JsonArray ?? [];
        if (listing == EstateListing.DynamoDbTables)
        {
            return Tables(items, page[PitrMember] as JsonArray ?? [], scope);
        }

        var read = ItemReaders.TryGetValue(listing.Name, out var reader) ? reader : throw new ArgumentException($"No reader for listing '{listing.Name}'.", nameof(listing));
        return [.. items.OfType<JsonObject>().Select(item => read(item, scope)).OfType<EstateObservation>()];
    }

    private static readonly Dictionary<string, Func<JsonObject, AuditScope, EstateObservation?>> ItemReaders = new(StringComparer.Ordinal)
    {
        [EstateListing.DynamoDbBackups.Name] = TableBackup,
        [EstateListing.BackupVaults.Name] = (vault, _) => Vault(vault),
        [EstateListing.SharedBackupVaults.Name] = (vault, _) => Vault(vault),
        [EstateListing.VaultRecoveryPoints.Name] = VaultRecoveryPoint,
        [EstateListing.CopyJobs.Name] = (job, _) => CopyJob(job),
        [EstateListing.ProtectedResources.Name] = (resource, _) => ProtectedResource(resource),
        [EstateListing.RdsInstances.Name] = (instance, _) => Instance(instance),
        [EstateListing.DbClusters.Name] = (cluster, _) => Cluster(cluster),
        [EstateListing.S3Buckets.Name] = Bucket,
        [EstateListing.EbsVolumes.Name] = Volume,
        [EstateListing.EfsFileSystems.Name] = (fileSystem, _) => FileSystem(fileSystem),
    };

    /// <summary>The token that asks for the page after this one; empty on the last page.</summary>
    public static string NextToken(EstateListing listing, JsonObject page) => Text(page, listing.ResponseToken) ?? string.Empty;

    private static List<EstateObservation> Tables(JsonArray names, JsonArray pitr, AuditScope scope)
    {
        var answers = pitr.OfType<JsonObject>()
            .Where(a => Text(a, "TableName") is not null)
            .GroupBy(a => Text(a, "TableName")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var observations = new List<EstateObservation>();
        foreach (var name in names.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null).OfType<string>())
        {
            var answer = answers.GetValueOrDefault(name);
            var description = answer?[PitrAnswerMember]?["ContinuousBackupsDescription"]?["PointInTimeRecoveryDescription"] as JsonObject;
            var enabled = description is null ? (bool?)null : Text(description, "PointInTimeRecoveryStatus") == "ENABLED";
            var latest = enabled == true ? Time(description, "LatestRestorableDateTime") : null;
            observations.Add(new EstateObservation(scope.TableArn(name))
            {
                Kind = ScratchKinds.DynamoDbTable,
                Name = name,
                PitrEnabled = enabled,
                EarliestRestorable = enabled == true ? Time(description, "EarliestRestorableDateTime") : null,
                LatestRestorable = latest,
                Protection = enabled == true ? new Protection(Protection.PointInTimeRecovery, latest) : null,
                PitrError = Text(answer, PitrErrorMember),
            });
        }

        return observations;
    }

    /// <summary>
    /// A DynamoDB backup: a protection, and a copy kept apart from the table (DynamoDB keeps on-demand and system
    /// backups when the table is deleted). One AWS Backup made (AWS_BACKUP) is a recovery point of a vault, which the
    /// vault listing reports with its vault and lock: it is not counted a second time here.
    /// </summary>
    private static EstateObservation? TableBackup(JsonObject backup, AuditScope scope)
    {
        if (Text(backup, "TableArn") is not { } arn || Text(backup, "BackupStatus") is not ("AVAILABLE" or null))
        {
            return null;
        }

        var type = Text(backup, "BackupType");
        var (source, kind) = type switch
        {
            "AWS_BACKUP" => (Protection.AwsBackup, (CopyKind?)null),
            "SYSTEM" => (Protection.SystemBackup, CopyKind.SystemBackup),
            _ => (Protection.OnDemandBackup, CopyKind.OnDemandBackup),
        };
        var created = Time(backup, "BackupCreationDateTime");
        var where = ArnScope(Text(backup, "BackupArn")) ?? ArnScope(arn) ?? (scope.Account, scope.Region);
        return new EstateObservation(arn)
        {
            Protection = new Protection(source, created),
            Copy = kind is { } copyKind ? new CopySeen(copyKind, null, where.Account, where.Region, created, Text(backup, "BackupArn")) : null,
        };
    }

    /// <summary>A vault and its lock (the observation's ARN is the vault's; it has no kind, so it is never judged as a resource).</summary>
    private static EstateObservation? Vault(JsonObject vault) =>
        Text(vault, "BackupVaultArn") is { } arn
            ? new EstateObservation(arn)
            {
                Vault = new VaultSeen(
                    Text(vault, "BackupVaultName") ?? arn[(arn.LastIndexOf(':') + 1)..],
                    arn,
                    vault["Locked"] is JsonValue locked && locked.GetValueKind() == JsonValueKind.True,
                    Time(vault, "LockDate"),
                    Whole(vault, "MinRetentionDays"),
                    Text(vault, "VaultType")),
            }
            : null;

    /// <summary>A completed recovery point in a vault: a copy of its resource, kept where the vault is.</summary>
    private static EstateObservation? VaultRecoveryPoint(JsonObject point, AuditScope scope)
    {
        if (Text(point, "ResourceArn") is not { } resource || Text(point, "Status") != "COMPLETED")
        {
            return null;
        }

        var vault = Text(point, "BackupVaultArn");
        var where = ArnScope(vault) ?? (scope.Account, scope.Region);
        return new EstateObservation(resource) { Copy = new CopySeen(CopyKind.RecoveryPoint, vault, where.Account, where.Region, Time(point, "CreationDate"), Text(point, "RecoveryPointArn")) };
    }

    /// <summary>
    /// A completed copy job: a copy of its resource in the destination vault, whose account and region its ARN says.
    /// When it was made is the job's completion. The destination vault's lock is not in the job, and this account may
    /// not be able to list that vault: nothing is said about it here.
    /// </summary>
    private static EstateObservation? CopyJob(JsonObject job)
    {
        if (Text(job, "ResourceArn") is not { } resource || Text(job, "State") != "COMPLETED" || Text(job, "DestinationBackupVaultArn") is not { } destination || ArnScope(destination) is not { } where)
        {
            return null;
        }

        return new EstateObservation(resource)
        {
            Copy = new CopySeen(CopyKind.CopyJob, destination, where.Account, where.Region, Time(job, "CompletionDate") ?? Time(job, "CreationDate"), Text(job, "DestinationRecoveryPointArn")),
        };
    }

    /// <summary>The account and region an ARN names (arn:PARTITION:SERVICE:REGION:ACCOUNT:…); null when it names neither.</summary>
    private static (string Account, string Region)? ArnScope(string? arn) =>
        arn?.Split(':') is [_, _, _, { Length: > 0 } region, { Length: > 0 } account, ..] ? (account, region) : null;

    private static int? Whole(JsonObject json, string member) =>
        json[member] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= int.MaxValue ? (int)number : null;

    private static EstateObservation? ProtectedResource(JsonObject resource) =>
        Text(resource, "ResourceArn") is { } arn
            ? new EstateObservation(arn) { Protection = new Protection(Protection.AwsBackup, Time(resource, "LastBackupTime")) }
            : null;

    private static EstateObservation? Instance(JsonObject instance)
    {
        // An instance of a cluster is restored with its cluster: the cluster is the resource.
        if (Text(instance, "DBInstanceArn") is not { } arn || Text(instance, "DBClusterIdentifier") is not null)
        {
            return null;
        }

        return new EstateObservation(arn)
        {
            Kind = ScratchKinds.RdsInstance,
            Name = Text(instance, "DBInstanceIdentifier"),
            Tags = TagList(instance["TagList"]),
            Protection = AutomatedBackups(instance),
        };
    }

    private static EstateObservation? Cluster(JsonObject cluster) =>
        Text(cluster, "DBClusterArn") is { } arn
            ? new EstateObservation(arn)
            {
                Kind = ScratchKinds.RdsCluster,
                Name = Text(cluster, "DBClusterIdentifier"),
                Tags = TagList(cluster["TagList"]),
                Protection = AutomatedBackups(cluster),
            }
            : null;

    /// <summary>RDS keeps automated backups (point-in-time restore) while the retention period is above 0.</summary>
    private static Protection? AutomatedBackups(JsonObject database) =>
        database["BackupRetentionPeriod"] is JsonValue retention && retention.GetValueKind() == JsonValueKind.Number && int.TryParse(retention.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days > 0
            ? new Protection(Protection.AutomatedBackups, Time(database, "LatestRestorableTime"))
            : null;

    private static EstateObservation? Bucket(JsonObject bucket, AuditScope scope) =>
        Text(bucket, "Name") is { } name
            ? new EstateObservation(scope.BucketArn(name)) { Kind = ScratchKinds.S3Bucket, Name = name }
            : null;

    private static EstateObservation? Volume(JsonObject volume, AuditScope scope)
    {
        if (Text(volume, "VolumeId") is not { } id)
        {
            return null;
        }

        var tags = TagList(volume["Tags"]);
        return new EstateObservation(scope.VolumeArn(id)) { Kind = ScratchKinds.EbsVolume, Name = tags.TryGetValue(Safety.TeardownGuard.NameTag, out var named) ? $"{named} ({id})" : id, Tags = tags };
    }

    private static EstateObservation? FileSystem(JsonObject fileSystem) =>
        Text(fileSystem, "FileSystemArn") is { } arn
            ? new EstateObservation(arn) { Kind = ScratchKinds.EfsFileSystem, Name = Text(fileSystem, "Name") is { } named ? $"{named} ({Text(fileSystem, "FileSystemId")})" : Text(fileSystem, "FileSystemId"), Tags = TagList(fileSystem["Tags"]) }
            : null;

    private static Dictionary<string, string> TagList(JsonNode? tags) =>
        (tags as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(t => Text(t, "Key") is not null)
            .GroupBy(t => Text(t, "Key")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Text(g.Last(), "Value") ?? string.Empty, StringComparer.Ordinal);

    private static string? Text(JsonObject? json, string member) =>
        json?[member] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    /// <summary>A timestamp as Step Functions gives it (ISO 8601), or as epoch seconds.</summary>
    private static DateTimeOffset? Time(JsonObject? json, string member) => json?[member] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed.ToUniversalTime(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
        _ => null,
    };
}
