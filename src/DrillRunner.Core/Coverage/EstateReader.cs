using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// Reads one page of an <see cref="EstateListing"/>, as the state machine's SDK integration
/// returned it (the API model's output shape, PascalCase), into observations, and its next-page
/// token. DynamoDB's table pages also carry <c>Pitr</c>: each table's DescribeContinuousBackups.
/// </summary>
public static partial class EstateReader
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

        if (listing == EstateListing.CloudFormationStacks)
        {
            // The stacks' resources are kept from inside each stack's iteration (StackResources).
            return [];
        }

        var read = ItemReaders.TryGetValue(listing.Name, out var reader) ? reader : throw new ArgumentException($"No reader for listing '{listing.Name}'.", nameof(listing));
        return [.. items.OfType<JsonObject>().Select(item => read(item, scope) is { } observed ? WithSurvival(observed, item) : null).OfType<EstateObservation>()];
    }

    private static readonly Dictionary<string, Func<JsonObject, AuditScope, EstateObservation?>> ItemReaders = new(StringComparer.Ordinal)
    {
        [EstateListing.DynamoDbBackups.Name] = (backup, _) => TableBackup(backup),
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
                DeletionProtection = TableDeletionProtection(answer),
            });
        }

        return observations;
    }

    private static EstateObservation? TableBackup(JsonObject backup)
    {
        if (Text(backup, "TableArn") is not { } arn || Text(backup, "BackupStatus") is not ("AVAILABLE" or null))
        {
            return null;
        }

        var source = Text(backup, "BackupType") switch
        {
            "AWS_BACKUP" => Protection.AwsBackup,
            "SYSTEM" => Protection.SystemBackup,
            _ => Protection.OnDemandBackup,
        };
        return new EstateObservation(arn) { Protection = new Protection(source, Time(backup, "BackupCreationDateTime")) };
    }

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
