using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What an AWS SDK integration answered for a target (GetRecoveryPointRestoreMetadata, StartRestoreJob).</summary>
public sealed record AwsAnswerInput(string RunId, string TargetId, JsonElement Answer);
