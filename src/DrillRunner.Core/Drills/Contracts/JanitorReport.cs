namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What the janitor found under the scratch prefix: leaks it deleted, tables it refused, tables still in use.</summary>
public sealed record JanitorReport(IReadOnlyList<JanitorFinding> Deleted, IReadOnlyList<JanitorFinding> Refused, int StillInUse);
