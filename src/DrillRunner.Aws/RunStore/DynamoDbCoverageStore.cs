using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Json;
using DrillRunner.Core.Ports;
using static DrillRunner.Aws.RunStore.RunsTableKeys;

namespace DrillRunner.Aws.RunStore;

/// <summary>
/// Coverage audits in the runs table: AUDIT#id holds the pages (compressed observations, kept
/// 30 days) and the judged record (compressed); AUDITS lists judged audits by start time; a
/// request's partition (REQUEST#id) gets an AUDIT item naming the audit it started.
/// </summary>
public sealed class DynamoDbCoverageStore(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider time) : ICoverageStore
{
    /// <summary>Pages are only needed until the audit is judged; an audit stays a year and a month, for trends.</summary>
    public static readonly TimeSpan PagesKeptFor = TimeSpan.FromDays(30);

    public static readonly TimeSpan AuditsKeptFor = TimeSpan.FromDays(400);

    public async Task SavePageAsync(string auditId, string pageKey, IReadOnlyList<EstateObservation> observations, CancellationToken cancellationToken) =>
        await dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [PartitionKeyName] = new() { S = Audit(auditId) },
                    [SortKeyName] = new() { S = AuditPage(pageKey) },
                    [CompressedText.AttributeName] = CompressedText.Of(JsonSerializer.Serialize(observations.ToList(), DrillJson.Default.ListEstateObservation)),
                    [TimeToLive] = Expiry(PagesKeptFor),
                },
            },
            cancellationToken);

    public async Task<IReadOnlyList<EstateObservation>> ReadPagesAsync(string auditId, CancellationToken cancellationToken)
    {
        var query = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :page)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = Audit(auditId) }, [":page"] = new() { S = AuditPagePrefix } },
            ConsistentRead = true,
        };
        var observations = new List<EstateObservation>();
        await foreach (var item in QueryPages.AllAsync(dynamoDb, query, cancellationToken))
        {
            observations.AddRange(JsonSerializer.Deserialize(CompressedText.From(item) ?? "[]", DrillJson.Default.ListEstateObservation) ?? []);
        }

        return observations;
    }

    public async Task SaveAsync(CoverageAudit audit, CancellationToken cancellationToken)
    {
        var expiry = Expiry(AuditsKeptFor);
        await dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [PartitionKeyName] = new() { S = Audit(audit.AuditId) },
                    [SortKeyName] = new() { S = AuditRecord },
                    [CompressedText.AttributeName] = CompressedText.Of(JsonSerializer.Serialize(audit, DrillJson.Default.CoverageAudit)),
                    [TimeToLive] = expiry,
                },
            },
            cancellationToken);
        await dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [PartitionKeyName] = new() { S = AuditRegistry },
                    [SortKeyName] = new() { S = $"{SortableTime(audit.StartedAt)}#{audit.AuditId}" },
                    ["auditId"] = new() { S = audit.AuditId },
                    [TimeToLive] = expiry,
                },
            },
            cancellationToken);
        if (audit.RequestId is { } requestId)
        {
            // Beside the request item: the request's answer, as a drill request links its run.
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        [PartitionKeyName] = new() { S = Request(requestId) },
                        [SortKeyName] = new() { S = AuditRecord },
                        ["auditId"] = new() { S = audit.AuditId },
                        [TimeToLive] = Expiry(DynamoDbDrillRequests.Retention),
                    },
                },
                cancellationToken);
        }
    }

    public async Task<CoverageAudit?> GetByRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        var link = await ItemReads.GetAsync(dynamoDb, tableName, Request(requestId), AuditRecord, cancellationToken);
        return link is not null && link.TryGetValue("auditId", out var auditId) ? await GetAsync(auditId.S, cancellationToken) : null;
    }

    public async Task<CoverageAudit?> LatestAsync(CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(
            new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = AuditRegistry } },
                ScanIndexForward = false,
                Limit = 1,
                ConsistentRead = true,
            },
            cancellationToken);
        return response.Items?.FirstOrDefault() is { } latest ? await GetAsync(latest["auditId"].S, cancellationToken) : null;
    }

    public async Task<CoverageAudit?> GetAsync(string auditId, CancellationToken cancellationToken)
    {
        var item = await ItemReads.GetAsync(dynamoDb, tableName, Audit(auditId), AuditRecord, cancellationToken);
        return item is not null && CompressedText.From(item) is { } json ? JsonSerializer.Deserialize(json, DrillJson.Default.CoverageAudit) : null;
    }

    private AttributeValue Expiry(TimeSpan keptFor) => new() { N = (time.GetUtcNow() + keptFor).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
}
