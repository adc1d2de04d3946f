namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The janitor's choice: what the state machine is to delete, and what it refused or left alone.</summary>
public sealed record JanitorChoice(IReadOnlyList<ScratchDeletion> Deletions, IReadOnlyList<JanitorFinding> Refused, int StillInUse);
