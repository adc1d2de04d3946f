using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>A Catch of every error (States.ALL) that keeps the error at <see cref="ResultPath"/> and goes to <see cref="Next"/>.</summary>
public sealed record Catcher(StateName Next, string ResultPath = "$.error")
{
    /// <summary>Errors States.ALL does not match (States.DataLimitExceeded, States.Runtime), caught by name first, the same way.</summary>
    public IReadOnlyList<string> AlsoByName { get; init; } = [];

    public JsonArray ToJson()
    {
        var catchers = new JsonArray();
        if (AlsoByName.Count > 0)
        {
            catchers.Add(new JsonObject { ["ErrorEquals"] = new JsonArray([.. AlsoByName.Select(n => (JsonNode)n)]), ["ResultPath"] = ResultPath, ["Next"] = Next.Value });
        }

        catchers.Add(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = ResultPath, ["Next"] = Next.Value });
        return catchers;
    }
}
