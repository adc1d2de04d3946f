namespace DrillRunner.Core.Drills.Contracts;

/// <summary>A target's failed state input with the caught error.</summary>
public sealed record TargetFailureInput(string RunId, string TargetId, TaskError? Error);
