using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>One ListRecoveryPointsByResource answer, as the state machine got it; the first page starts a new search.</summary>
public sealed record RecoveryPointPage(string RunId, string TargetId, JsonElement Answer, bool FirstPage);
