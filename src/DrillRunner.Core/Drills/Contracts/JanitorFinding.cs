namespace DrillRunner.Core.Drills.Contracts;

/// <summary>One scratch resource (table, bucket, database, volume, file system; its name or ARN) the janitor acted on or refused to, and why.</summary>
public sealed record JanitorFinding(string Resource, string? RunId, string Detail);
