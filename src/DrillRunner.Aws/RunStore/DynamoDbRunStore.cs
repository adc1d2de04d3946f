using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Json;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using static DrillRunner.Aws.RunStore.RunsTableKeys;

namespace DrillRunner.Aws.RunStore;

/// <summary>Run records in the runs table. Each record is a JSON document plus the few attributes queries need.</summary>
public sealed class DynamoDbRunStore(IAmazonDynamoDB dynamoDb, string tableName) : IRunStore
{
    public async Task CreateAsync(DrillRun run, IReadOnlyList<TargetRun> targets, CancellationToken cancellationToken)
    {
        // The plan goes first: a header is only ever written beside its plan.
        await dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [PartitionKeyName] = new() { S = Run(run.RunId) },
                    [SortKeyName] = new() { S = RunPlan },
                    [CompressedText.AttributeName] = CompressedText.Of(run.PlanJson),
                },
            },
            cancellationToken);
        await dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = RunItem(run),
                ConditionExpression = "attribute_not_exists(pk)",
            },
            cancellationToken);
        await BatchPuts.PutAllAsync(dynamoDb, tableName, targets.Select(TargetItem), parallelism: 1, cancellationToken);
        await SaveHistoryAsync(run, cancellationToken);
    }

    public async Task<DrillRun> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var item = await GetItemAsync(Run(runId), RunHeader, cancellationToken)
            ?? throw new RunNotFound($"No run '{runId}' in table '{tableName}'.");
        var run = Read(item, DrillJson.Default.DrillRun) ?? throw new RunRecordUnreadable(
            $"The record of run '{runId}' in table '{tableName}' cannot be read: {Unreadable(item, DrillJson.Default.DrillRun)}. Fix: it was not written by this version of DrillRunner; inspect or delete item pk={Run(runId)}, sk={RunHeader}.");
        if (run.PlanJson.Length > 0)
        {
            return run; // a header written before the plan moved beside it
        }

        var plan = await GetItemAsync(Run(runId), RunPlan, cancellationToken) is { } planItem ? CompressedText.From(planItem) : null;
        return run with
        {
            PlanJson = plan ?? throw new RunRecordUnreadable($"Run '{runId}' in table '{tableName}' has no plan item. Fix: inspect item pk={Run(runId)}, sk={RunPlan}; a run without its plan cannot go on."),
        };
    }

    public async Task SaveAsync(DrillRun run, CancellationToken cancellationToken)
    {
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = RunItem(run) }, cancellationToken);
        await SaveHistoryAsync(run, cancellationToken);
    }

    public async Task<TargetRun> GetTargetAsync(string runId, string targetId, CancellationToken cancellationToken)
    {
        var item = await GetItemAsync(Run(runId), Target(targetId), cancellationToken)
            ?? throw new RunNotFound($"Run '{runId}' has no target '{targetId}' in table '{tableName}'.");
        return Read(item, DrillJson.Default.TargetRun) ?? UnreadableTarget(runId, item);
    }

    public async Task<IReadOnlyList<TargetRun>> GetTargetsAsync(string runId, CancellationToken cancellationToken)
    {
        var query = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new() { S = Run(runId) },
                [":prefix"] = new() { S = TargetPrefix },
            },
            ConsistentRead = true,
        };
        var targets = new List<TargetRun>();
        await foreach (var item in QueryPages.AllAsync(dynamoDb, query, cancellationToken))
        {
            targets.Add(Read(item, DrillJson.Default.TargetRun) ?? UnreadableTarget(runId, item));
        }

        return targets;
    }

    public Task SaveTargetAsync(TargetRun target, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = TargetItem(target) }, cancellationToken);

    public async Task<PlanLockHolder?> TryLockPlanAsync(string planName, string runId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var taken = await TryPutAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [PartitionKeyName] = new() { S = Lock(planName) },
                    [SortKeyName] = new() { S = LockItem },
                    ["runId"] = new() { S = runId },
                    ["since"] = new() { S = now.ToString("O", CultureInfo.InvariantCulture) },
                    [TimeToLive] = new() { N = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
                // An expired lock belongs to a run that was aborted without teardown: take it over.
                ConditionExpression = "attribute_not_exists(pk) OR #ttl < :now",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#ttl"] = TimeToLive },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":now"] = new() { N = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
            },
            cancellationToken);
        if (taken)
        {
            return null;
        }

        var holder = await GetItemAsync(Lock(planName), LockItem, cancellationToken);
        return holder is null
            ? new PlanLockHolder("(released while asking)", now)
            : new PlanLockHolder(holder["runId"].S, DateTimeOffset.Parse(holder["since"].S, CultureInfo.InvariantCulture));
    }

    public async Task<string?> ClaimExecutionAsync(string executionId, string runId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var claimed = await TryPutAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [PartitionKeyName] = new() { S = Execution(executionId) },
                    [SortKeyName] = new() { S = ExecutionClaim },
                    ["runId"] = new() { S = runId },
                    [TimeToLive] = new() { N = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
                ConditionExpression = "attribute_not_exists(pk)",
            },
            cancellationToken);
        return claimed ? null : (await GetItemAsync(Execution(executionId), ExecutionClaim, cancellationToken))?["runId"].S ?? runId;
    }

    public async Task<string?> FindRunOfExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        (await GetItemAsync(Execution(executionId), ExecutionClaim, cancellationToken))?["runId"].S;

    public async Task<PlanLockHolder?> GetPlanLockAsync(string planName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = await GetItemAsync(Lock(planName), LockItem, cancellationToken);
        if (item is null || long.Parse(item[TimeToLive].N, CultureInfo.InvariantCulture) < now.ToUnixTimeSeconds())
        {
            return null;
        }

        return new PlanLockHolder(item["runId"].S, DateTimeOffset.Parse(item["since"].S, CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<RunSummary>> HistoryAsync(string planName, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        var summaries = new List<RunSummary>();
        var values = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = PlanRuns(planName) } };
        var condition = "pk = :pk";
        if (since is { } from)
        {
            condition += " AND sk >= :since";
            values[":since"] = new() { S = SortableTime(from) };
        }

        var query = new QueryRequest { TableName = tableName, KeyConditionExpression = condition, ExpressionAttributeValues = values, ScanIndexForward = false };
        await foreach (var item in QueryPages.AllAsync(dynamoDb, query, cancellationToken))
        {
            summaries.Add(Summary(item, planName));
            if (summaries.Count == limit)
            {
                break;
            }
        }

        return summaries;
    }

    public async Task ReleasePlanLockAsync(string planName, string runId, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = new Dictionary<string, AttributeValue> { [PartitionKeyName] = new() { S = Lock(planName) }, [SortKeyName] = new() { S = LockItem } },
                    ConditionExpression = "runId = :runId",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":runId"] = new() { S = runId } },
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another run holds the lock now (ours expired): it is not ours to release.
        }
    }

    private async Task SaveHistoryAsync(DrillRun run, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PartitionKeyName] = new() { S = PlanRuns(run.PlanName) },
            [SortKeyName] = new() { S = $"{SortableTime(run.StartedAt)}#{run.RunId}" },
            ["runId"] = new() { S = run.RunId },
            ["status"] = new() { S = run.Status.ToString() },
        };
        if (run.Verdict is { } verdict)
        {
            item["verdict"] = new() { S = VerdictNames.Of(verdict) };
        }

        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken);
    }

    /// <summary>A conditional put: false when its condition failed (someone else holds the item).</summary>
    private async Task<bool> TryPutAsync(PutItemRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private Task<Dictionary<string, AttributeValue>?> GetItemAsync(string pk, string sk, CancellationToken cancellationToken) =>
        ItemReads.GetAsync(dynamoDb, tableName, pk, sk, cancellationToken);

    /// <summary>One line of history; a corrupt or foreign item becomes a line that says why it cannot be read.</summary>
    private static RunSummary Summary(Dictionary<string, AttributeValue> item, string planName)
    {
        var key = item.TryGetValue(SortKeyName, out var sk) ? sk.S ?? string.Empty : string.Empty;
        var runId = item.TryGetValue("runId", out var id) && !string.IsNullOrEmpty(id.S) ? id.S : key.Split('#').LastOrDefault() ?? "(unknown)";
        var startedAt = DateTimeOffset.TryParse(key.Split('#')[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;
        var status = item.TryGetValue("status", out var s) && Enum.TryParse<RunStatus>(s.S, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : (RunStatus?)null;
        var verdictName = item.TryGetValue("verdict", out var v) ? v.S : null;
        var verdict = verdictName is null ? null : VerdictNames.Parse(verdictName);
        var why = startedAt == DateTimeOffset.MinValue ? $"its key '{key}' holds no start time"
            : status is null ? $"its status '{s?.S ?? "(missing)"}' is not one this version knows"
            : verdictName is not null && verdict is null ? $"its verdict '{verdictName}' is not one this version knows"
            : null;
        return new RunSummary(runId, planName, startedAt, status ?? RunStatus.Running, verdict) { Unreadable = why };
    }

    /// <summary>The item's document as <typeparamref name="T"/>, or null when it is missing or not one.</summary>
    private static T? Read<T>(Dictionary<string, AttributeValue> item, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return item.TryGetValue(Document, out var document) && document.S is { } json ? JsonSerializer.Deserialize(json, type) : null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Unreadable<T>(Dictionary<string, AttributeValue> item, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (!item.TryGetValue(Document, out var document) || document.S is null)
        {
            return $"it has no '{Document}' attribute of type S";
        }

        try
        {
            return JsonSerializer.Deserialize(document.S, type) is null ? "its document is null" : "its document does not match";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return ex.Message.Length <= 200 ? ex.Message : ex.Message[..200] + "…";
        }
    }

    /// <summary>A target whose record cannot be read is shown as failed with the reason, so status and reports carry on.</summary>
    private static TargetRun UnreadableTarget(string runId, Dictionary<string, AttributeValue> item)
    {
        var targetId = item.TryGetValue(SortKeyName, out var sk) && sk.S is { } key ? key[TargetPrefix.Length..] : "(unknown)";
        return new TargetRun(runId, targetId, "(unreadable)")
        {
            Stage = TargetStage.Failed,
            Failure = new TargetFailure(nameof(RunRecordUnreadable), $"the target's record cannot be read: {Unreadable(item, DrillJson.Default.TargetRun)}", IsRunnerError: true),
        };
    }

    private static Dictionary<string, AttributeValue> RunItem(DrillRun run)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PartitionKeyName] = new() { S = Run(run.RunId) },
            [SortKeyName] = new() { S = RunHeader },
            ["planName"] = new() { S = run.PlanName },
            ["startedAt"] = new() { S = run.StartedAt.ToString("O", CultureInfo.InvariantCulture) },
            ["status"] = new() { S = run.Status.ToString() },
            // The plan is not repeated here: it is stored once, compressed, beside the header (RunPlan).
            [Document] = new() { S = JsonSerializer.Serialize(run with { PlanJson = string.Empty }, DrillJson.Default.DrillRun) },
        };
        if (run.Verdict is { } verdict)
        {
            item["verdict"] = new() { S = VerdictNames.Of(verdict) };
        }

        return item;
    }

    private static Dictionary<string, AttributeValue> TargetItem(TargetRun target) => new()
    {
        [PartitionKeyName] = new() { S = Run(target.RunId) },
        [SortKeyName] = new() { S = Target(target.TargetId) },
        ["stage"] = new() { S = target.Stage.ToString() },
        [Document] = new() { S = JsonSerializer.Serialize(target, DrillJson.Default.TargetRun) },
    };
}
