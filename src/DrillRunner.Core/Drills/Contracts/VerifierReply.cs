using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The plan's verifier Lambda and what it answered (its Payload).</summary>
public sealed record VerifierReply(string RunId, string TargetId, string Function, JsonElement? Answer);
