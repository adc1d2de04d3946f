namespace DrillRunner.Core.Drills.Contracts;

/// <summary>VerifyTarget's answer: done, or out of this invocation's time budget with progress saved (call again).</summary>
public sealed record VerificationStep(string RunId, string TargetId, bool Done);
