namespace DrillRunner.Core.Ports;

/// <summary>What became of a request: the run it began, or why it will never begin one (null while the Pipe has yet to start it).</summary>
public sealed record DrillRequestState(string? RunId, string? NotStartedBecause);
