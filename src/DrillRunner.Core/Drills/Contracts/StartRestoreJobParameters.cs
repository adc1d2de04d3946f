using System.Text.Json.Serialization;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>StartRestoreJob's request fields (all but the role, which the template supplies), PascalCase as Step Functions passes them to AWS Backup.</summary>
public sealed record StartRestoreJobParameters(
    [property: JsonPropertyName("RecoveryPointArn")] string RecoveryPointArn,
    [property: JsonPropertyName("Metadata")] IReadOnlyDictionary<string, string> Metadata,
    [property: JsonPropertyName("IdempotencyToken")] string IdempotencyToken,
    [property: JsonPropertyName("ResourceType")] string ResourceType);
