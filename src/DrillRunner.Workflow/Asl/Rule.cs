using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>Choice rules.</summary>
public static class Rule
{
    public static JsonObject IsTrue(string variable, string next) => new() { ["Variable"] = variable, ["BooleanEquals"] = true, ["Next"] = next };

    public static JsonObject IsFalse(string variable, string next) => new() { ["Variable"] = variable, ["BooleanEquals"] = false, ["Next"] = next };

    public static JsonObject IsPresent(string variable, string next) => new() { ["Variable"] = variable, ["IsPresent"] = true, ["Next"] = next };

    public static JsonObject Is(string variable, string value, string next) => new() { ["Variable"] = variable, ["StringEquals"] = value, ["Next"] = next };

    /// <summary>True when <paramref name="variable"/> equals any of <paramref name="values"/>.</summary>
    public static JsonObject IsAny(string variable, IEnumerable<string> values, string next) => new()
    {
        ["Or"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["Variable"] = variable, ["StringEquals"] = v })]),
        ["Next"] = next,
    };

    /// <summary>True when <paramref name="variable"/> holds a non-empty string (a pagination token).</summary>
    public static JsonObject IsNonEmpty(string variable, string next) => new()
    {
        ["And"] = new JsonArray(
            new JsonObject { ["Variable"] = variable, ["IsPresent"] = true },
            new JsonObject { ["Not"] = new JsonObject { ["Variable"] = variable, ["StringEquals"] = string.Empty } }),
        ["Next"] = next,
    };
}
