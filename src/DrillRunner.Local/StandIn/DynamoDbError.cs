using System.Text.Json.Nodes;

namespace DrillRunner.Local.StandIn;

/// <summary>An error answered in DynamoDB's JSON protocol shape, which the AWS SDK turns into its typed exception.</summary>
internal sealed class DynamoDbError(string type, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Type { get; } = type;

    public JsonObject Body() => new()
    {
        ["__type"] = $"com.amazonaws.dynamodb.v20120810#{Type}",
        ["message"] = Message,
    };
}
