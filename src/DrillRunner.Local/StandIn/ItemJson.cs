using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.StandIn;

/// <summary>
/// Items between DynamoDB's JSON protocol (what clients send and dynalite answers) and the SDK's
/// <see cref="AttributeValue"/> (what the table copier reads and writes), and the key an item is matched by.
/// </summary>
internal static class ItemJson
{
    /// <summary>The item's key attributes as one comparable string; null when one is missing (dynalite then refuses the write).</summary>
    public static string? KeyOf(JsonObject? item, IReadOnlyList<string> keyNames)
    {
        if (item is null || keyNames.Any(n => item[n] is not JsonObject))
        {
            return null;
        }

        return string.Join('\u0001', keyNames.Select(n => item[n]!.ToJsonString()));
    }

    public static string KeyOf(Dictionary<string, AttributeValue> item, IReadOnlyList<string> keyNames) =>
        string.Join('\u0001', keyNames.Select(n => KeyValue(item[n]).ToJsonString()));

    /// <summary>Only the key attributes of <paramref name="item"/>, as a request's Key.</summary>
    public static JsonObject KeyObject(JsonObject item, IReadOnlyList<string> keyNames) =>
        new(keyNames.Select(n => KeyValuePair.Create(n, item[n]?.DeepClone())));

    public static Dictionary<string, AttributeValue> ToItem(JsonObject item) =>
        item.ToDictionary(a => a.Key, a => ToAttribute(a.Value!.AsObject()), StringComparer.Ordinal);

    private static AttributeValue ToAttribute(JsonObject value)
    {
        var (type, node) = value.Single();
        return type switch
        {
            "S" => new AttributeValue { S = node!.GetValue<string>() },
            "N" => new AttributeValue { N = node!.GetValue<string>() },
            "B" => new AttributeValue { B = new MemoryStream(Convert.FromBase64String(node!.GetValue<string>())) },
            "SS" => new AttributeValue { SS = Strings(node) },
            "NS" => new AttributeValue { NS = Strings(node) },
            "BS" => new AttributeValue { BS = Strings(node).Select(b => new MemoryStream(Convert.FromBase64String(b))).ToList() },
            "M" => new AttributeValue { M = ToItem(node!.AsObject()) },
            "L" => new AttributeValue { L = node!.AsArray().Select(v => ToAttribute(v!.AsObject())).ToList() },
            "NULL" => new AttributeValue { NULL = true },
            "BOOL" => new AttributeValue { BOOL = node!.GetValue<bool>() },
            _ => throw new DynamoDbError("ValidationException", $"Unknown attribute type '{type}' in a kept item image"),
        };
    }

    private static List<string> Strings(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<string>()).ToList();

    // Key attributes are only ever S, N or B.
    private static JsonObject KeyValue(AttributeValue value) =>
        value.S is not null ? new JsonObject { ["S"] = value.S }
        : value.N is not null ? new JsonObject { ["N"] = value.N }
        : new JsonObject { ["B"] = Convert.ToBase64String(value.B!.ToArray()) };
}
