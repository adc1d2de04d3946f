using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>Where a Task's result goes: replaces the state (its Payload only), lands at a path (optionally selected), or is discarded.</summary>
public sealed record TaskResult(string? OutputPath, JsonObject? Selector, string? ResultPath, bool Discard)
{
    /// <summary>The function's answer becomes the state.</summary>
    public static TaskResult Payload { get; } = new("$.Payload", null, null, false);

    /// <summary>The state is kept as it was.</summary>
    public static TaskResult Discarded { get; } = new(null, null, null, true);

    /// <summary>The result, shaped by <paramref name="selector"/>, is added to the state at <paramref name="path"/>.</summary>
    public static TaskResult At(string path, JsonObject? selector = null) => new(null, selector, path, false);

    /// <summary>A Lambda answer kept whole at <paramref name="path"/> under <paramref name="field"/>.</summary>
    public static TaskResult PayloadAt(string path, string field) => At(path, new JsonObject { [$"{field}.$"] = "$.Payload" });

    public void WriteTo(JsonObject state)
    {
        if (Selector is not null)
        {
            state["ResultSelector"] = Selector.DeepClone();
        }

        if (Discard)
        {
            state["ResultPath"] = null;
        }
        else if (ResultPath is not null)
        {
            state["ResultPath"] = ResultPath;
        }

        if (OutputPath is not null)
        {
            state["OutputPath"] = OutputPath;
        }
    }
}
