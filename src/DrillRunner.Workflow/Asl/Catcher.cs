using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>A Catch of every error (States.ALL) that keeps the error at <see cref="ResultPath"/> and goes to <see cref="Next"/>.</summary>
public sealed record Catcher(StateName Next, string ResultPath = "$.error")
{
    public JsonArray ToJson() =>
    [
        new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = ResultPath, ["Next"] = Next.Value },
    ];
}
