using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Kinds;
using DrillRunner.Local.StandIn;

namespace DrillRunner.Local.AwsWorld;

/// <summary>Restored resources: creating them when a job completes, describing, tagging and deleting them.</summary>
public sealed partial class LocalAwsWorld
{
    private async Task CompleteAsync(LocalRestoreJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string? Key(string name) => job.Metadata.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        void Fail(string status, string message)
        {
            job.Status = status;
            job.StatusMessage = message;
            job.CompletedAt = now;
        }

        if (JobOutcomes.TryGetValue(job.Point.ResourceArn, out var outcome))
        {
            Fail(outcome, outcome == "ABORTED" ? "Restore job was aborted." : "Access denied to KMS key arn:aws:kms:us-east-1:000000000000:key/local (local fault).");
            return;
        }

        var (kind, id) = job.Point.Kind.ScratchKind switch
        {
            ScratchKinds.RdsInstance => (ScratchKinds.RdsInstance, Key("DBInstanceIdentifier")),
            ScratchKinds.RdsCluster => (ScratchKinds.RdsCluster, Key("DBClusterIdentifier")),
            ScratchKinds.EbsVolume => (ScratchKinds.EbsVolume, $"vol-{Next():x17}"),
            ScratchKinds.EfsFileSystem => (ScratchKinds.EfsFileSystem, Key("newFileSystem") == "true" ? $"fs-{Next():x17}" : null),
            ScratchKinds.S3Bucket => (ScratchKinds.S3Bucket, Key("NewBucket") == "true" ? Key("DestinationBucketName") : null),
            ScratchKinds.DynamoDbTable => (ScratchKinds.DynamoDbTable, Key("targetTableName")),
            _ => throw new InvalidOperationException($"Unknown kind {job.Point.Kind.ScratchKind}"),
        };
        if (id is null)
        {
            // The local world never restores into an existing resource; AWS would, and the runner must never ask.
            Fail("FAILED", $"The restore metadata names no new {kind}: restoring into an existing resource is refused locally.");
            return;
        }

        // RDS keeps identifiers in lowercase, whatever case they were asked in.
        var arn = ArnOf(kind, kind is ScratchKinds.RdsInstance or ScratchKinds.RdsCluster ? id.ToLowerInvariant() : id);
        if (_resources.TryGetValue(arn, out var existing) && !existing.Deleted)
        {
            Fail("FAILED", $"{kind} {id} already exists.");
            return;
        }

        // Known as restored before it exists: a drill beginning meanwhile must not take it for a source.
        var restored = new LocalResource(kind, arn[(arn.LastIndexOfAny([':', '/']) + 1)..], arn, IsSource: false);
        _resources[arn] = restored;
        if (kind == ScratchKinds.S3Bucket)
        {
            var bucket = s3.CreateBucket(id);
            foreach (var (key, size) in job.Point.Objects ?? new Dictionary<string, long>())
            {
                bucket.Put(key, size);
            }
        }

        if (kind == ScratchKinds.DynamoDbTable)
        {
            var copier = new TableCopier(dynamoDb);
            var image = job.Point.Table ?? await CaptureTableAsync(job.Point.ResourceName, cancellationToken);
            var (source, items) = (image.Shape, image.Items);
            await copier.CreateLikeAsync(source, id, withoutIndexes: false, cancellationToken);
            await copier.WaitUntilActiveAsync(id, cancellationToken);
            await copier.WriteAllAsync(id, items, cancellationToken);
        }

        if (kind is ScratchKinds.S3Bucket or ScratchKinds.DynamoDbTable)
        {
            restored.Status = "available";
        }

        job.CreatedResourceArn = arn;
        job.CompletedAt = now;
        job.Status = "COMPLETED";
    }

    private async Task<JsonObject> TagResourcesAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var arns = (input["ResourceARNList"] as JsonArray ?? throw new LocalAwsError("States.TaskFailed", "Missing required parameter ResourceARNList")).Select(a => a!.GetValue<string>()).ToList();
        var tags = (input["Tags"] as JsonObject ?? throw new LocalAwsError("States.TaskFailed", "Missing required parameter Tags")).ToDictionary(t => t.Key, t => t.Value!.GetValue<string>(), StringComparer.Ordinal);
        var failed = new JsonObject();
        foreach (var arn in arns)
        {
            if (FailTagging || !_resources.TryGetValue(arn, out var resource) || resource.Deleted)
            {
                failed[arn] = new JsonObject { ["StatusCode"] = 400, ["ErrorCode"] = "InvalidParameterException", ["ErrorMessage"] = FailTagging ? "Tagging refused (local fault)." : "Resource not found." };
                continue;
            }

            foreach (var (key, value) in tags)
            {
                resource.Tags[key] = value;
            }

            if (resource.Kind == ScratchKinds.S3Bucket)
            {
                foreach (var (key, value) in tags)
                {
                    s3.Bucket(resource.Id).Tags[key] = value;
                }
            }

            if (resource.Kind == ScratchKinds.DynamoDbTable)
            {
                await dynamoDb.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() }, cancellationToken);
            }
        }

        return new JsonObject { ["FailedResourcesMap"] = failed };
    }

    private JsonObject GetResources(JsonObject input)
    {
        var filters = (input["TagFilters"] as JsonArray ?? []).Select(f => (Key: f!["Key"]!.GetValue<string>(), Values: (f["Values"] as JsonArray)?.Select(v => v!.GetValue<string>()).ToList())).ToList();
        var matching = _resources.Values
            .Where(r => !r.Deleted && filters.All(f => r.Tags.TryGetValue(f.Key, out var value) && (f.Values is not { Count: > 0 } || f.Values.Contains(value))));

        // Paged as the tagging API pages: an opaque cursor (here, the last ARN given), empty on the last
        // page; resources deleted between pages must not shift the ones not yet listed.
        var size = Math.Min(TaggedResourcesPageSize, input["ResourcesPerPage"]?.GetValue<int>() ?? 100);
        var (resources, last) = Paged(matching, r => r.Arn, Token(input, "PaginationToken"), size);
        var page = resources.Select(r => (JsonNode)new JsonObject { ["ResourceARN"] = r.Arn, ["Tags"] = TagListJson.Of(r.Tags) }).ToArray();
        var next = last ?? string.Empty;
        return new JsonObject { ["PaginationToken"] = next, ["ResourceTagMappingList"] = new JsonArray(page) };
    }

    private LocalResource Find(string kind, string id, string notFound)
    {
        var arn = ArnOf(kind, id);
        return _resources.TryGetValue(arn, out var resource) && !resource.Deleted
            ? resource
            : throw new LocalAwsError(notFound, $"{kind} {id} not found.");
    }

    /// <summary>A restored resource becomes available after <see cref="DescribesBeforeAvailable"/> looks.</summary>
    private LocalResource Look(LocalResource resource)
    {
        lock (resource)
        {
            resource.Describes++;
            if (!resource.IsSource && resource.Status == "creating" && resource.Describes > DescribesBeforeAvailable)
            {
                resource.Status = "available";
            }
        }

        return resource;
    }

    private JsonObject DescribeDatabase(JsonObject input, string kind, string idMember, string listMember)
    {
        var resource = Look(Find(kind, Required(input, idMember), kind == ScratchKinds.RdsInstance ? "Rds.DbInstanceNotFoundException" : "Rds.DbClusterNotFoundException"));
        return new JsonObject { [listMember] = new JsonArray(DatabaseJson(resource)) };
    }

    /// <summary>An instance or cluster as DescribeDBInstances / DescribeDBClusters give it (by identifier, or listed).</summary>
    private JsonObject DatabaseJson(LocalResource resource)
    {
        var description = resource.Kind == ScratchKinds.RdsInstance
            ? new JsonObject
            {
                ["DBInstanceIdentifier"] = resource.Id,
                ["DBInstanceArn"] = resource.Arn,
                ["DBInstanceClass"] = "db.t4g.medium",
                ["Engine"] = "postgres",
                ["DBInstanceStatus"] = resource.Status,
                ["Endpoint"] = resource.Status == "available" ? new JsonObject { ["Address"] = "127.0.0.1", ["Port"] = DatabasePort } : null,
            }
            : new JsonObject
            {
                ["DBClusterIdentifier"] = resource.Id,
                ["DBClusterArn"] = resource.Arn,
                ["Engine"] = "aurora-postgresql",
                ["Status"] = resource.Status,
                ["Endpoint"] = $"{resource.Id}.cluster-local.{Region}.rds.amazonaws.com",
                ["Port"] = DatabasePort,
                ["DBClusterMembers"] = new JsonArray(),
            };
        if (description["Endpoint"] is null)
        {
            description.Remove("Endpoint");
        }

        description["BackupRetentionPeriod"] = resource.BackupRetentionDays;
        if (resource.BackupRetentionDays > 0)
        {
            description["LatestRestorableTime"] = Time(time.GetUtcNow().AddMinutes(-5));
        }

        description["TagList"] = TagListJson.Of(resource.Tags);
        return description;
    }

    private JsonObject DeleteDatabase(JsonObject input, string kind, string idMember, string resultMember)
    {
        var resource = Find(kind, Required(input, idMember), kind == ScratchKinds.RdsInstance ? "Rds.DbInstanceNotFoundException" : "Rds.DbClusterNotFoundException");
        if (input["SkipFinalSnapshot"]?.GetValue<bool>() != true && input["FinalDBSnapshotIdentifier"] is null)
        {
            throw new LocalAwsError("Rds.InvalidParameterCombinationException", "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }

        resource.Deleted = true;
        resource.Status = "deleting";
        resource.DeleteParameters = input.ToDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null", StringComparer.Ordinal);
        var idName = kind == ScratchKinds.RdsInstance ? "DBInstanceIdentifier" : "DBClusterIdentifier";
        var statusName = kind == ScratchKinds.RdsInstance ? "DBInstanceStatus" : "Status";
        return new JsonObject { [resultMember] = new JsonObject { [idName] = resource.Id, [statusName] = "deleting" } };
    }

    private JsonObject Delete(string kind, string id, string notFound)
    {
        var resource = Find(kind, id, notFound);
        resource.Deleted = true;
        resource.Status = "deleting";
        return new JsonObject();
    }

    private JsonObject DescribeVolumes(JsonObject input)
    {
        var ids = (input["VolumeIds"] as JsonArray ?? []).Select(v => v!.GetValue<string>()).ToList();
        var volumes = ids.Select(id => (JsonNode)VolumeJson(Look(Find(ScratchKinds.EbsVolume, id, "Ec2.InvalidVolume.NotFound"))));
        return new JsonObject { ["Volumes"] = new JsonArray(volumes.ToArray()) };
    }

    /// <summary>A volume as DescribeVolumes gives it (by id, or listed).</summary>
    private JsonObject VolumeJson(LocalResource volume) => new()
    {
        ["VolumeId"] = volume.Id,
        ["State"] = volume.Status,
        ["Size"] = 20,
        ["VolumeType"] = "gp3",
        ["AvailabilityZone"] = $"{Region}a",
        ["Encrypted"] = true,
        ["CreateTime"] = Time(time.GetUtcNow()),
        ["Tags"] = TagListJson.Of(volume.Tags),
    };

    private JsonObject DescribeFileSystems(JsonObject input) =>
        new() { ["FileSystems"] = new JsonArray(FileSystemJson(Look(Find(ScratchKinds.EfsFileSystem, Required(input, "FileSystemId"), "Efs.FileSystemNotFoundException")))) };

    /// <summary>A file system as DescribeFileSystems gives it (by id, or listed).</summary>
    private JsonObject FileSystemJson(LocalResource fileSystem) => new()
    {
        ["OwnerId"] = Account,
        ["CreationToken"] = fileSystem.Tags.TryGetValue("Name", out var name) ? name : fileSystem.Id,
        ["FileSystemId"] = fileSystem.Id,
        ["FileSystemArn"] = fileSystem.Arn,
        ["CreationTime"] = Time(time.GetUtcNow()),
        ["LifeCycleState"] = fileSystem.Status,
        ["NumberOfMountTargets"] = 0,
        ["SizeInBytes"] = new JsonObject { ["Value"] = 6144L },
        ["PerformanceMode"] = "generalPurpose",
        ["Encrypted"] = true,
        ["Tags"] = TagListJson.Of(fileSystem.Tags),
    };
}
