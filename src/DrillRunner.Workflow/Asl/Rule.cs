using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>Choice rules.</summary>
public static class Rule
{
    public static JsonObject IsTrue(string variable, StateName next) => new() { ["Variable"] = variable, ["BooleanEquals"] = true, ["Next"] = next.Value };

    public static JsonObject IsFalse(string variable, StateName next) => new() { ["Variable"] = variable, ["BooleanEquals"] = false, ["Next"] = next.Value };

    public static JsonObject IsPresent(string variable, StateName next) => new() { ["Variable"] = variable, ["IsPresent"] = true, ["Next"] = next.Value };

    public static JsonObject Is(string variable, string value, StateName next) => new() { ["Variable"] = variable, ["StringEquals"] = value, ["Next"] = next.Value };

    /// <summary>True when <paramref name="variable"/> is present and equals <paramref name="value"/> (a Choice on a missing path fails the state).</summary>
    public static JsonObject IsPresentAndIs(string variable, string value, StateName next) => new()
    {
        ["And"] = new JsonArray(
            new JsonObject { ["Variable"] = variable, ["IsPresent"] = true },
            new JsonObject { ["Variable"] = variable, ["StringEquals"] = value }),
        ["Next"] = next.Value,
    };

    /// <summary>True when <paramref name="variable"/> equals any of <paramref name="values"/>.</summary>
    public static JsonObject IsAny(string variable, IEnumerable<string> values, StateName next) => new()
    {
        ["Or"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["Variable"] = variable, ["StringEquals"] = v })]),
        ["Next"] = next.Value,
    };

    /// <summary>True when <paramref name="variable"/> holds a non-empty string (a pagination token).</summary>
    public static JsonObject IsNonEmpty(string variable, StateName next) => new()
    {
        ["And"] = new JsonArray(
            new JsonObject { ["Variable"] = variable, ["IsPresent"] = true },
            new JsonObject { ["Not"] = new JsonObject { ["Variable"] = variable, ["StringEquals"] = string.Empty } }),
        ["Next"] = next.Value,
    };
}
