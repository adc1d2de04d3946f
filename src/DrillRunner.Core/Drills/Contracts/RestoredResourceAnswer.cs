using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// What the state machine learnt about a restored resource: TagResources' answer (or the error its
/// Catch caught), and for databases, volumes and file systems their describe answer (empty for
/// tables and buckets).
/// </summary>
public sealed record RestoredResourceAnswer(string RunId, string TargetId, JsonElement? TagResult, JsonElement? Described);
