namespace DrillRunner.Core.Ports;

/// <summary>The run that holds a plan's lock, and since when.</summary>
public sealed record PlanLockHolder(string RunId, DateTimeOffset Since);
