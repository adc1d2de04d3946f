namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What the state machine passes to BeginDrill: the execution input untouched, and the execution's id.</summary>
public sealed record BeginInvocation(BeginRequest? Input, string? ExecutionId);
