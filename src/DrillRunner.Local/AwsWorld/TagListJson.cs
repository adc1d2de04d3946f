using System.Text.Json.Nodes;

namespace DrillRunner.Local.AwsWorld;

/// <summary>Tags as AWS APIs answer them: [{ "Key": …, "Value": … }], in key order.</summary>
public static class TagListJson
{
    public static JsonArray Of(IEnumerable<KeyValuePair<string, string>> tags) =>
        new(tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
}
