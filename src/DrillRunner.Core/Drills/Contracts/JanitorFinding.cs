namespace DrillRunner.Core.Drills.Contracts;

/// <summary>One scratch table the janitor acted on (or refused to), and why.</summary>
public sealed record JanitorFinding(string Table, string? RunId, string Detail);
