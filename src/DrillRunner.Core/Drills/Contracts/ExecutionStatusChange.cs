using System.Text.Json.Serialization;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// EventBridge's "Step Functions Execution Status Change" event, as much of it as the runner reads:
/// an execution that was stopped, timed out or failed ran no Catch, so nothing else ends its run.
/// </summary>
public sealed record ExecutionStatusChange([property: JsonPropertyName("detail")] ExecutionStatusDetail? Detail);

/// <summary>The event's detail: which execution, how it ended, when (epoch milliseconds).</summary>
public sealed record ExecutionStatusDetail(
    [property: JsonPropertyName("executionArn")] string? ExecutionArn,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("stopDate")] long? StopDate);
