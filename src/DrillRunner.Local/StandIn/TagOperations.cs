using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.StandIn;

/// <summary>
/// Tags kept by the stand-in: dynalite applies tags but answers with a checksum the AWS SDK
/// rejects, so TagResource, UntagResource and ListTagsOfResource are answered here.
/// </summary>
internal sealed class TagOperations(IAmazonDynamoDB dynalite, StandInState state)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _tags = state.Tags;

    public async Task<JsonObject> TagAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var table = await ExistingTableAsync(request, cancellationToken);
        var tags = _tags.GetOrAdd(table, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        foreach (var tag in request["Tags"]?.AsArray() ?? [])
        {
            tags[tag!["Key"]!.GetValue<string>()] = tag["Value"]!.GetValue<string>();
        }

        state.Save();
        return [];
    }

    public async Task<JsonObject> UntagAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var table = await ExistingTableAsync(request, cancellationToken);
        if (_tags.TryGetValue(table, out var tags))
        {
            foreach (var key in request["TagKeys"]?.AsArray() ?? [])
            {
                tags.TryRemove(key!.GetValue<string>(), out _);
            }

            state.Save();
        }

        return [];
    }

    /// <summary>Tags per ListTagsOfResource page (DynamoDB pages them behind NextToken); small values exercise continuation.</summary>
    public int PageSize { get; set; } = 10;

    public async Task<JsonObject> ListAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var table = await ExistingTableAsync(request, cancellationToken);
        var tags = _tags.TryGetValue(table, out var found) ? found : new ConcurrentDictionary<string, string>();
        var after = request["NextToken"]?.GetValue<string>();
        var ordered = tags.OrderBy(t => t.Key, StringComparer.Ordinal).Where(t => after is null || string.CompareOrdinal(t.Key, after) > 0).ToList();
        var page = ordered.Take(PageSize).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var answer = new JsonObject
        {
            ["Tags"] = AwsWorld.TagListJson.Of(page),
        };
        if (ordered.Count > page.Count)
        {
            answer["NextToken"] = ordered[page.Count - 1].Key;
        }

        return answer;
    }

    public void Forget(string tableName)
    {
        if (_tags.TryRemove(tableName, out _))
        {
            state.Save();
        }
    }

    private async Task<string> ExistingTableAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var arn = request["ResourceArn"]?.GetValue<string>() ?? throw new DynamoDbError("ValidationException", "ResourceArn is required");
        var table = BackupOperations.TableNameOf(arn);
        try
        {
            await dynalite.DescribeTableAsync(table, cancellationToken);
            return table;
        }
        catch (ResourceNotFoundException)
        {
            throw new DynamoDbError("ResourceNotFoundException", $"Requested resource not found: ResourcArn: {arn} not found");
        }
    }
}
