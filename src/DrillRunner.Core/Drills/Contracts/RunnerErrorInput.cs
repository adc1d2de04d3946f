namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The state input at a run-level Catch: the run id if the run had begun, and the error.</summary>
public sealed record RunnerErrorInput(string? RunId, TaskError? Error);
