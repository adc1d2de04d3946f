namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The polling loop's state: restored yet, and how long to wait before the next look.</summary>
public sealed record RestorePoll(string RunId, string TargetId, bool Restored, int Attempt, int WaitSeconds);
