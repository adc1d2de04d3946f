namespace DrillRunner.Local.Workflow;

/// <summary>One event of a local execution, as aws-local-stepfunctions reported it.</summary>
public sealed record ExecutionEvent(string Type, string? State, int? Index, string? Error, string? Cause, string? RunId, string? TargetId, DateTimeOffset At);
