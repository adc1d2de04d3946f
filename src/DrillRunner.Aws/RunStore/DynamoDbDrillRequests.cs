using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Requests;
using static DrillRunner.Aws.RunStore.RunsTableKeys;

namespace DrillRunner.Aws.RunStore;

/// <summary>
/// Request items. Their INSERT on the runs table's stream is what the Pipe (template.yaml) filters
/// on — type = drill-request — and maps to the execution input.
/// </summary>
public sealed class DynamoDbDrillRequests(IAmazonDynamoDB dynamoDb, string tableName) : IDrillRequests
{
    public const string RequestType = "drill-request";

    /// <summary>How long request items stay (TTL); the run record keeps the history.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public Task SubmitAsync(DrillRequest request, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(
            new PutItemRequest { TableName = tableName, Item = Item(request), ConditionExpression = "attribute_not_exists(pk)" },
            cancellationToken);

    public Task LinkRunAsync(string requestId, string runId, CancellationToken cancellationToken) =>
        dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(requestId),
                UpdateExpression = "SET runId = :runId",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":runId"] = new() { S = runId } },
            },
            cancellationToken);

    public async Task<string?> RunIdAsync(string requestId, CancellationToken cancellationToken) =>
        (await GetAsync(requestId, cancellationToken))?.RunId;

    public Task MarkNotStartedAsync(string requestId, string because, CancellationToken cancellationToken) =>
        dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(requestId),
                UpdateExpression = "SET notStarted = :because",
                ConditionExpression = "attribute_exists(pk) AND attribute_not_exists(runId)",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":because"] = new() { S = because } },
            },
            cancellationToken);

    public async Task<DrillRequestState?> GetAsync(string requestId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(requestId), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item
            ? new DrillRequestState(item.TryGetValue("runId", out var runId) ? runId.S : null, item.TryGetValue("notStarted", out var because) ? because.S : null)
            : null;
    }

    /// <summary>The request item exactly as written: the Pipe's input template reads these attributes.</summary>
    public static Dictionary<string, AttributeValue> Item(DrillRequest request) => new()
    {
        [PartitionKeyName] = new() { S = Request(request.RequestId) },
        [SortKeyName] = new() { S = RequestItem },
        ["type"] = new() { S = RequestType },
        ["requestId"] = new() { S = request.RequestId },
        ["planName"] = new() { S = request.PlanName },
        ["reason"] = new() { S = request.Reason },
        ["requestedBy"] = new() { S = request.RequestedBy },
        ["recoveryPoint"] = new() { S = request.RecoveryPoint },
        ["requestedAt"] = new() { S = request.RequestedAt.ToString("O", CultureInfo.InvariantCulture) },
        [TimeToLive] = new() { N = (request.RequestedAt + Retention).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
    };

    private static Dictionary<string, AttributeValue> Key(string requestId) => new()
    {
        [PartitionKeyName] = new() { S = Request(requestId) },
        [SortKeyName] = new() { S = RequestItem },
    };
}
