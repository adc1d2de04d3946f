namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What the runner made of an execution that ended without its own teardown.</summary>
public sealed record ExecutionEndedResult(string? RunId, bool Marked, string Message);
