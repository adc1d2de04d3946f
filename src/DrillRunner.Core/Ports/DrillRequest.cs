namespace DrillRunner.Core.Ports;

/// <summary>A manual drill request: written to the runs table, turned into an execution by the Pipe.</summary>
public sealed record DrillRequest(string RequestId, string PlanName, string Reason, string RequestedBy, DateTimeOffset RequestedAt);
