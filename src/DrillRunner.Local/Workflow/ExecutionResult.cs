using System.Text.Json.Nodes;

namespace DrillRunner.Local.Workflow;

/// <summary>How a local execution ended, and every event it produced.</summary>
public sealed record ExecutionResult(bool Succeeded, JsonNode? Output, string? Error, string? Cause, IReadOnlyList<ExecutionEvent> Events)
{
    /// <summary>The run BeginDrill created, or null if the drill did not begin.</summary>
    public string? RunId => Events.FirstOrDefault(e => e.State == "BeginDrill" && e.Type == "StateExited")?.RunId;
}
