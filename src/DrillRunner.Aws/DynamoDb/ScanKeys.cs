using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>A scan's LastEvaluatedKey as text for a checkpoint. Key attributes are only ever S, N or B.</summary>
internal static class ScanKeys
{
    public static string? Write(Dictionary<string, AttributeValue>? key) =>
        key is null
            ? null
            : JsonSerializer.Serialize(key.ToDictionary(
                k => k.Key,
                k => k.Value.S is not null ? new Dictionary<string, string> { ["S"] = k.Value.S }
                    : k.Value.N is not null ? new Dictionary<string, string> { ["N"] = k.Value.N }
                    : new Dictionary<string, string> { ["B"] = Convert.ToBase64String(k.Value.B.ToArray()) }));

    public static Dictionary<string, AttributeValue>? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(text)!;
        return parsed.ToDictionary(
            k => k.Key,
            k => k.Value.TryGetValue("S", out var s) ? new AttributeValue { S = s }
                : k.Value.TryGetValue("N", out var n) ? new AttributeValue { N = n }
                : new AttributeValue { B = new MemoryStream(Convert.FromBase64String(k.Value["B"])) });
    }
}
