using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// The coverage audit's listings: every table (from the DynamoDB stand-in), its PITR setting and
/// backups, what AWS Backup protects, and every database, bucket, volume and file system, each
/// paged as its API pages (an opaque token; the last page has none). Answers are written from the
/// API models, not from the runner's listing records, so a mistake in those records shows.
/// </summary>
public sealed partial class LocalAwsWorld
{
    /// <summary>When set, no listing page holds more than this (AWS decides its own page sizes too); small values exercise every listing's paging.</summary>
    public int? EstatePageSize { get; set; }

    private int PageSize(JsonObject input, string member, int defaultSize) =>
        Math.Min(EstatePageSize ?? int.MaxValue, input[member]?.GetValue<int>() ?? defaultSize);

    /// <summary>One page of <paramref name="items"/> (sorted by key) after the token <paramref name="after"/>, and the next token (null on the last page).</summary>
    private static (List<T> Page, string? Next) Paged<T>(IEnumerable<T> items, Func<T, string> key, string? after, int size)
    {
        var rest = items.OrderBy(key, StringComparer.Ordinal).Where(i => after is null || string.CompareOrdinal(key(i), after) > 0).ToList();
        var page = rest.Take(size).ToList();
        return (page, rest.Count > page.Count ? key(page[^1]) : null);
    }

    private static string? Token(JsonObject input, string member) => input[member]?.GetValue<string>() is { Length: > 0 } token ? token : null;

    private async Task<JsonObject> ListTablesAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.ListTablesAsync(
            new ListTablesRequest { ExclusiveStartTableName = Token(input, "ExclusiveStartTableName"), Limit = PageSize(input, "Limit", 100) },
            cancellationToken);
        var output = new JsonObject { ["TableNames"] = new JsonArray([.. (response.TableNames ?? []).Select(n => (JsonNode)n)]) };
        if (!string.IsNullOrEmpty(response.LastEvaluatedTableName))
        {
            output["LastEvaluatedTableName"] = response.LastEvaluatedTableName;
        }

        return output;
    }

    private async Task<JsonObject> DescribeContinuousBackupsAsync(JsonObject input, CancellationToken cancellationToken)
    {
        try
        {
            var description = (await dynamoDb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = Required(input, "TableName") }, cancellationToken)).ContinuousBackupsDescription;
            var pitr = new JsonObject { ["PointInTimeRecoveryStatus"] = description.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus?.Value ?? "DISABLED" };
            if (description.PointInTimeRecoveryDescription?.EarliestRestorableDateTime is { } earliest)
            {
                pitr["EarliestRestorableDateTime"] = Time(earliest);
            }

            if (description.PointInTimeRecoveryDescription?.LatestRestorableDateTime is { } latest)
            {
                pitr["LatestRestorableDateTime"] = Time(latest);
            }

            return new JsonObject
            {
                ["ContinuousBackupsDescription"] = new JsonObject { ["ContinuousBackupsStatus"] = description.ContinuousBackupsStatus?.Value ?? "ENABLED", ["PointInTimeRecoveryDescription"] = pitr },
            };
        }
        catch (TableNotFoundException ex)
        {
            throw new LocalAwsError("DynamoDb.TableNotFoundException", ex.Message);
        }
    }

    private async Task<JsonObject> ListBackupsAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.ListBackupsAsync(
            new ListBackupsRequest
            {
                BackupType = input["BackupType"]?.GetValue<string>() ?? "USER",
                ExclusiveStartBackupArn = Token(input, "ExclusiveStartBackupArn"),
                Limit = PageSize(input, "Limit", 100),
            },
            cancellationToken);
        var output = new JsonObject
        {
            ["BackupSummaries"] = new JsonArray([.. (response.BackupSummaries ?? []).Select(b => (JsonNode)new JsonObject
            {
                ["TableName"] = b.TableName,
                ["TableArn"] = b.TableArn,
                ["BackupArn"] = b.BackupArn,
                ["BackupName"] = b.BackupName,
                ["BackupCreationDateTime"] = Time(b.BackupCreationDateTime ?? DateTime.UnixEpoch),
                ["BackupStatus"] = b.BackupStatus?.Value,
                ["BackupType"] = b.BackupType?.Value,
            })]),
        };
        if (!string.IsNullOrEmpty(response.LastEvaluatedBackupArn))
        {
            output["LastEvaluatedBackupArn"] = response.LastEvaluatedBackupArn;
        }

        return output;
    }

    private JsonObject ListProtectedResources(JsonObject input)
    {
        var newest = _points
            .Select(p => p.Value.Where(r => r.Status == "COMPLETED" && r.IsLocal).MaxBy(r => r.CreatedAt))
            .OfType<LocalRecoveryPoint>();
        var (page, next) = Paged(newest, p => p.ResourceArn, Token(input, "NextToken"), PageSize(input, "MaxResults", 1000));
        var output = new JsonObject
        {
            ["Results"] = new JsonArray([.. page.Select(p => (JsonNode)new JsonObject
            {
                ["ResourceArn"] = p.ResourceArn,
                ["ResourceType"] = p.Kind.AwsBackupName,
                ["LastBackupTime"] = Time(p.CreatedAt),
                ["ResourceName"] = p.ResourceName,
                ["LastBackupVaultArn"] = p.VaultArn,
                ["LastRecoveryPointArn"] = p.Arn,
            })]),
        };
        return WithToken(output, "NextToken", next);
    }

    private JsonObject ListBuckets(JsonObject input)
    {
        var region = Token(input, "BucketRegion");
        var names = region is null or Region ? s3.BucketNames : [];
        var (page, next) = Paged(names, n => n, Token(input, "ContinuationToken"), PageSize(input, "MaxBuckets", 10000));
        var output = new JsonObject
        {
            ["Buckets"] = new JsonArray([.. page.Select(n => (JsonNode)new JsonObject { ["Name"] = n, ["CreationDate"] = Time(time.GetUtcNow()), ["BucketRegion"] = Region })]),
            ["Owner"] = new JsonObject { ["ID"] = "local-owner" },
        };
        return WithToken(output, "ContinuationToken", next);
    }

    /// <summary>DescribeDBInstances or DescribeDBClusters without an identifier: every one, a page at a time (Marker).</summary>
    private JsonObject ListDatabases(JsonObject input, string kind, string listMember)
    {
        var (page, next) = Paged(Live(kind), r => r.Id, Token(input, "Marker"), PageSize(input, "MaxRecords", 100));
        return WithToken(new JsonObject { [listMember] = new JsonArray([.. page.Select(r => (JsonNode)DatabaseJson(r))]) }, "Marker", next);
    }

    private JsonObject ListVolumes(JsonObject input)
    {
        var (page, next) = Paged(Live(ScratchKinds.EbsVolume), r => r.Id, Token(input, "NextToken"), PageSize(input, "MaxResults", 500));
        return WithToken(new JsonObject { ["Volumes"] = new JsonArray([.. page.Select(v => (JsonNode)VolumeJson(v))]) }, "NextToken", next);
    }

    private JsonObject ListFileSystems(JsonObject input)
    {
        var (page, next) = Paged(Live(ScratchKinds.EfsFileSystem), r => r.Id, Token(input, "Marker"), PageSize(input, "MaxItems", 100));
        var output = new JsonObject { ["FileSystems"] = new JsonArray([.. page.Select(f => (JsonNode)FileSystemJson(f))]) };
        if (Token(input, "Marker") is { } marker)
        {
            output["Marker"] = marker;
        }

        return WithToken(output, "NextMarker", next);
    }

    private JsonObject DescribeScalingPolicies(JsonObject input)
    {
        var service = Required(input, "ServiceNamespace");
        var resourceId = input["ResourceId"]?.GetValue<string>();
        var policies = ScalingPolicies
            .Where(p => service == "dynamodb" && (resourceId is null || p.Key == resourceId))
            .SelectMany(p => p.Value.Select(name => (ResourceId: p.Key, Name: name)))
            .Select(p => (JsonNode)new JsonObject
            {
                ["PolicyARN"] = $"arn:aws:autoscaling:{Region}:{Account}:scalingPolicy:local:resource/dynamodb/{p.ResourceId}:policyName/{p.Name}",
                ["PolicyName"] = p.Name,
                ["ServiceNamespace"] = service,
                ["ResourceId"] = p.ResourceId,
                ["ScalableDimension"] = p.Name.Contains("write", StringComparison.OrdinalIgnoreCase) ? "dynamodb:table:WriteCapacityUnits" : "dynamodb:table:ReadCapacityUnits",
                ["PolicyType"] = "TargetTrackingScaling",
                ["CreationTime"] = Time(time.GetUtcNow()),
            });
        return new JsonObject { ["ScalingPolicies"] = new JsonArray([.. policies]) };
    }

    private IEnumerable<LocalResource> Live(string kind) => _resources.Values.Where(r => r.Kind == kind && !r.Deleted);

    private static JsonObject WithToken(JsonObject output, string member, string? next)
    {
        if (next is not null)
        {
            output[member] = next;
        }

        return output;
    }
}
