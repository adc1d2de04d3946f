namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The handle one Map iteration carries: details live in the runs table, not the payload.</summary>
public sealed record TargetRef(string RunId, string TargetId);
