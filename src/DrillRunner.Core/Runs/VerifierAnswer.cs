namespace DrillRunner.Core.Runs;

/// <summary>What the user's verifier Lambda answered: passed or not, its message, and any details it returned (JSON).</summary>
public sealed record VerifierAnswer(string Function, bool Passed, string Message, string? Details);
