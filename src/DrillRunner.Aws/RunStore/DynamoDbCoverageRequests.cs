using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static DrillRunner.Aws.RunStore.RunsTableKeys;

namespace DrillRunner.Aws.RunStore;

/// <summary>
/// Audit request items: their INSERT on the runs table's stream is what the CoverageRequestPipe
/// (template.yaml) filters on — type = coverage-request — and maps to the audit's input.
/// </summary>
public sealed class DynamoDbCoverageRequests(IAmazonDynamoDB dynamoDb, string tableName)
{
    public const string RequestType = "coverage-request";

    public Task SubmitAsync(string requestId, string requestedBy, DateTimeOffset requestedAt, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(
            new PutItemRequest { TableName = tableName, Item = Item(requestId, requestedBy, requestedAt), ConditionExpression = "attribute_not_exists(pk)" },
            cancellationToken);

    /// <summary>The request item exactly as written: the CoverageRequestPipe's input template reads these attributes.</summary>
    public static Dictionary<string, AttributeValue> Item(string requestId, string requestedBy, DateTimeOffset requestedAt) => new()
    {
        [PartitionKeyName] = new() { S = Request(requestId) },
        [SortKeyName] = new() { S = RequestItem },
        ["type"] = new() { S = RequestType },
        ["requestId"] = new() { S = requestId },
        ["requestedBy"] = new() { S = requestedBy },
        ["requestedAt"] = new() { S = requestedAt.ToString("O", CultureInfo.InvariantCulture) },
        [TimeToLive] = new() { N = (requestedAt + DynamoDbDrillRequests.Retention).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
    };
}
