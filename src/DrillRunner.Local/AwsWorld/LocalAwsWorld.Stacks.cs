using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// CloudFormation stacks: ListStacks, ListStackResources and GetTemplate in the API model's output
/// shapes, paged with opaque tokens (<see cref="EstatePageSize"/> bounds a page, as for the other
/// listings), DynamoDB's DescribeTable for the audit, and a stack deletion done the way CloudFormation
/// does it (<see cref="DeleteStackAsync"/>) for the demo and tests. Not a state machine call: nothing
/// in the runner may delete a stack.
/// </summary>
public sealed partial class LocalAwsWorld
{
    private readonly ConcurrentDictionary<string, LocalStack> _stacks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string ResourceArn, string SnapshotId)> _finalSnapshots = new();

    /// <summary>Final snapshots stack deletions kept (DeletionPolicy Snapshot), by the resource's ARN.</summary>
    public IReadOnlyCollection<(string ResourceArn, string SnapshotId)> FinalSnapshots => _finalSnapshots;

    public IReadOnlyCollection<LocalStack> Stacks => _stacks.Values.ToList();

    /// <summary>
    /// A stack that created <paramref name="resources"/> (in that order) from <paramref name="template"/>.
    /// Each resource gets the tags CloudFormation puts on what it creates only where the local world
    /// keeps tags (databases, volumes, file systems it knows as sources).
    /// </summary>
    public LocalStack AddStack(string name, string template, IReadOnlyList<LocalStackResource> resources, IReadOnlyDictionary<string, string>? tags = null)
    {
        var stack = new LocalStack(name, $"arn:aws:cloudformation:{Region}:{Account}:stack/{name}/{Guid.NewGuid()}", template, tags ?? new Dictionary<string, string>(), resources, time.GetUtcNow());
        if (_stacks.Values.Any(s => s.Name == name && s.Status != "DELETE_COMPLETE"))
        {
            throw new ArgumentException($"Stack [{name}] already exists.", nameof(name));
        }

        _stacks[stack.Id] = stack;
        foreach (var resource in resources)
        {
            if (KindOf(resource.Type) is { } kind && kind != ScratchKinds.DynamoDbTable && kind != ScratchKinds.S3Bucket && _resources.TryGetValue(ArnOf(kind, resource.PhysicalId), out var known))
            {
                known.Tags[StackOwner.StackNameTag] = name;
                known.Tags[StackOwner.StackIdTag] = stack.Id;
                known.Tags[StackOwner.LogicalIdTag] = resource.LogicalId;
                foreach (var (key, value) in stack.Tags)
                {
                    known.Tags[key] = value;
                }
            }
        }

        return stack;
    }

    private JsonObject ListStacks(JsonObject input)
    {
        var statuses = (input["StackStatusFilter"] as JsonArray)?.Select(s => s!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var stacks = _stacks.Values.Where(s => statuses is null || statuses.Contains(s.Status));
        var (page, next) = Paged(stacks, s => s.Id, Unwrap(Token(input, "NextToken")), EstatePageSize ?? 100);
        var output = new JsonObject
        {
            ["StackSummaries"] = new JsonArray([.. page.Select(s =>
            {
                var summary = new JsonObject { ["StackId"] = s.Id, ["StackName"] = s.Name, ["CreationTime"] = Time(s.CreatedAt), ["StackStatus"] = s.Status };
                if (s.StatusReason is { } reason)
                {
                    summary["StackStatusReason"] = reason;
                }

                if (s.DeletedAt is { } deleted)
                {
                    summary["DeletionTime"] = Time(deleted);
                }

                return (JsonNode)summary;
            })]),
        };
        return WithToken(output, "NextToken", Wrap(next));
    }

    private JsonObject ListStackResources(JsonObject input)
    {
        var stack = FindStack(Required(input, "StackName"));
        var ordered = stack.Resources.Select((r, i) => (Resource: r, Key: i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));
        var (page, next) = Paged(ordered, r => r.Key, Unwrap(Token(input, "NextToken")), EstatePageSize ?? 100);
        var output = new JsonObject
        {
            ["StackResourceSummaries"] = new JsonArray([.. page.Select(r =>
            {
                var summary = new JsonObject
                {
                    ["LogicalResourceId"] = r.Resource.LogicalId,
                    ["PhysicalResourceId"] = r.Resource.PhysicalId,
                    ["ResourceType"] = r.Resource.Type,
                    ["LastUpdatedTimestamp"] = Time(stack.CreatedAt),
                    ["ResourceStatus"] = r.Resource.Status,
                };
                if (r.Resource.StatusReason is { } reason)
                {
                    summary["ResourceStatusReason"] = reason;
                }

                return (JsonNode)summary;
            })]),
        };
        return WithToken(output, "NextToken", Wrap(next));
    }

    private JsonObject GetTemplate(JsonObject input) =>
        new() { ["TemplateBody"] = FindStack(Required(input, "StackName")).Template, ["StagesAvailable"] = new JsonArray("Original", "Processed") };

    /// <summary>DescribeTable for the audit: the members it reads.</summary>
    private async Task<JsonObject> DescribeTableAsync(JsonObject input, CancellationToken cancellationToken)
    {
        try
        {
            var table = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = Required(input, "TableName") }, cancellationToken)).Table;
            // DynamoDB says DeletionProtectionEnabled for every table; the stand-in only when it is on.
            return new JsonObject
            {
                ["Table"] = new JsonObject { ["TableName"] = table.TableName, ["TableArn"] = table.TableArn, ["TableStatus"] = table.TableStatus?.Value, ["DeletionProtectionEnabled"] = table.DeletionProtectionEnabled ?? false },
            };
        }
        catch (ResourceNotFoundException ex)
        {
            throw new LocalAwsError("DynamoDb.ResourceNotFoundException", ex.Message);
        }
    }

    /// <summary>
    /// Deletes a stack the way CloudFormation does, resource by resource in reverse creation order,
    /// by each resource's DeletionPolicy ("DeletionPolicy attribute", AWS CloudFormation Template
    /// Reference, https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html):
    /// Retain and RetainExceptOnCreate keep it; Snapshot keeps a final snapshot of the types that take
    /// one (EC2 volumes, RDS instances and clusters here) and deletes it; Delete (and no policy) deletes
    /// it, except that "the default policy is Snapshot for AWS::RDS::DBCluster resources and for
    /// AWS::RDS::DBInstance resources that don't specify the DBClusterIdentifier property" (the local
    /// world's instances belong to no cluster). A table with deletion protection on is not deleted and
    /// the stack ends DELETE_FAILED; a table without it goes through the DynamoDB stand-in, which keeps
    /// its system backup when PITR was on.
    /// </summary>
    public async Task<StackDeletion> DeleteStackAsync(string stackName, CancellationToken cancellationToken)
    {
        var stack = FindStack(stackName);
        var (policies, unreadable) = TemplatePolicies.Read(stack.Template);
        if (policies is null)
        {
            throw new InvalidOperationException($"The local stack {stackName}'s template cannot be read: {unreadable}");
        }

        stack.Status = "DELETE_IN_PROGRESS";
        var fates = new List<ResourceDeleted>();
        foreach (var resource in stack.Resources.Reverse().Where(r => r.Status != "DELETE_COMPLETE" && r.Status != "DELETE_SKIPPED"))
        {
            var written = policies.GetValueOrDefault(resource.LogicalId)?.DeletionPolicy;
            var policy = written ?? DefaultDeletionPolicy(resource.Type);
            var fate = await DeleteResourceAsync(resource, policy, written is null, cancellationToken);
            resource.Status = fate.Fate switch
            {
                ResourceFate.Kept => "DELETE_SKIPPED",
                ResourceFate.DeletionFailed => "DELETE_FAILED",
                _ => "DELETE_COMPLETE",
            };
            resource.StatusReason = fate.Fate == ResourceFate.DeletionFailed ? fate.Why : null;
            fates.Add(fate);
        }

        var failed = fates.FirstOrDefault(f => f.Fate == ResourceFate.DeletionFailed);
        stack.Status = failed is null ? "DELETE_COMPLETE" : "DELETE_FAILED";
        stack.StatusReason = failed is null ? null : $"The following resource(s) failed to delete: [{failed.LogicalId}].";
        stack.DeletedAt = failed is null ? time.GetUtcNow() : null;
        return new StackDeletion(stack.Name, stack.Status, fates);
    }

    /// <summary>CloudFormation's default when a resource sets no DeletionPolicy.</summary>
    public static string DefaultDeletionPolicy(string type) => type is "AWS::RDS::DBCluster" or "AWS::RDS::DBInstance" ? "Snapshot" : "Delete";

    private async Task<ResourceDeleted> DeleteResourceAsync(LocalStackResource resource, string policy, bool byDefault, CancellationToken cancellationToken)
    {
        var policyText = byDefault ? $"{policy} (CloudFormation's default)" : policy;
        ResourceDeleted Fate(ResourceFate fate, string? kept, string why) => new(resource.LogicalId, resource.Type, resource.PhysicalId, policyText, fate, kept, why);
        if (policy is "Retain" or "RetainExceptOnCreate")
        {
            return Fate(ResourceFate.Kept, null, $"DeletionPolicy {policy}: CloudFormation leaves it.");
        }

        var kind = KindOf(resource.Type);
        if (kind == ScratchKinds.DynamoDbTable)
        {
            return await DeleteTableAsync(resource, policy, Fate, cancellationToken);
        }

        if (kind == ScratchKinds.S3Bucket)
        {
            if (s3.Exists(resource.PhysicalId) && s3.Snapshot(resource.PhysicalId).Count > 0)
            {
                return Fate(ResourceFate.DeletionFailed, null, "The bucket you tried to delete is not empty: CloudFormation deletes only empty buckets.");
            }

            s3.DeleteBucket(resource.PhysicalId);
            return Fate(ResourceFate.Deleted, null, $"DeletionPolicy {policy}: deleted.");
        }

        if (kind is null || !_resources.TryGetValue(ArnOf(kind, resource.PhysicalId), out var known))
        {
            return Fate(ResourceFate.Deleted, null, $"DeletionPolicy {policy}: deleted (the local world keeps nothing of this type).");
        }

        if (kind is ScratchKinds.RdsInstance or ScratchKinds.RdsCluster && known.DeletionProtection)
        {
            return Fate(ResourceFate.DeletionFailed, null, "Deletion protection is on: RDS refuses to delete it.");
        }

        known.Deleted = true;
        known.Status = "deleted";
        if (policy == "Snapshot")
        {
            var snapshot = kind == ScratchKinds.EbsVolume ? $"snap-{Next():x17}" : $"{resource.PhysicalId}-final-snapshot-{Next():x6}";
            _finalSnapshots.Enqueue((known.Arn, snapshot));
            return Fate(ResourceFate.SnapshotKept, snapshot, "DeletionPolicy Snapshot: a final snapshot is kept, then it is deleted.");
        }

        return Fate(ResourceFate.Deleted, null, $"DeletionPolicy {policy}: deleted.");
    }

    private async Task<ResourceDeleted> DeleteTableAsync(LocalStackResource resource, string policy, Func<ResourceFate, string?, string, ResourceDeleted> fate, CancellationToken cancellationToken)
    {
        TableDescription table;
        try
        {
            table = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = resource.PhysicalId }, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return fate(ResourceFate.Deleted, null, "The table was already gone.");
        }

        if (table.DeletionProtectionEnabled == true)
        {
            return fate(ResourceFate.DeletionFailed, null, "Deletion protection is on: DynamoDB refuses to delete the table, so the stack's deletion fails and the table stays.");
        }

        await dynamoDb.DeleteTableAsync(new DeleteTableRequest { TableName = resource.PhysicalId }, cancellationToken);
        await Hosting.TableWaits.UntilGoneAsync(dynamoDb, resource.PhysicalId, cancellationToken);
        var system = (await dynamoDb.ListBackupsAsync(new ListBackupsRequest { TableName = resource.PhysicalId, BackupType = "SYSTEM" }, cancellationToken)).BackupSummaries?
            .Where(b => b.TableArn == table.TableArn)
            .MaxBy(b => b.BackupCreationDateTime);
        var snapshotNote = policy == "Snapshot" ? " (DynamoDB tables take no final snapshot here: deleted as Delete)" : string.Empty;
        return system is not null
            ? fate(ResourceFate.Deleted, system.BackupArn, $"DeletionPolicy {policy}{snapshotNote}: deleted; point-in-time recovery was on, so DynamoDB keeps a system backup for 35 days.")
            : fate(ResourceFate.Deleted, null, $"DeletionPolicy {policy}{snapshotNote}: deleted; point-in-time recovery was off, so DynamoDB keeps no system backup of it.");
    }

    private LocalStack FindStack(string nameOrId) =>
        (_stacks.TryGetValue(nameOrId, out var byId) ? byId : _stacks.Values.Where(s => s.Name == nameOrId && s.Status != "DELETE_COMPLETE").MaxBy(s => s.CreatedAt))
        // CloudFormation answers a missing stack with its ValidationError; the name Step Functions gives it is not relied on (the audit catches every error of ListStackResources and GetTemplate).
        ?? throw new LocalAwsError("CloudFormation.CloudFormationException", $"Stack with id {nameOrId} does not exist");

    private static string? KindOf(string type) => StackResourceKinds.ByType.TryGetValue(type, out var kind) ? kind.ScratchKind : null;

    /// <summary>Tokens are opaque to callers, as AWS's are.</summary>
    private static string? Wrap(string? key) => key is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string? Unwrap(string? token) => token is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(token));
}
