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

    public async Task<JsonObject> ListAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var table = await ExistingTableAsync(request, cancellationToken);
        var tags = _tags.TryGetValue(table, out var found) ? found : new ConcurrentDictionary<string, string>();
        return new JsonObject
        {
            ["Tags"] = AwsWorld.TagListJson.Of(tags),
        };
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
