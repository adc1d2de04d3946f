using System.Text.Json.Nodes;

namespace DrillRunner.Local.Workflow;

/// <summary>How a local execution ended, and every event it produced.</summary>
public sealed record ExecutionResult(bool Succeeded, JsonNode? Output, string? Error, string? Cause, IReadOnlyList<ExecutionEvent> Events)
{
    /// <summary>The run BeginDrill created, or null if the drill did not begin.</summary>
    public string? RunId => Events.FirstOrDefault(e => e.State == "BeginDrill" && e.Type == "StateExited")?.RunId;

    /// <summary>The largest state output of the execution, in bytes (Step Functions' quota is 262,144), and the state that produced it.</summary>
    public (int Bytes, string? State) LargestPayload { get; init; }
}
