using System.Text.Json.Serialization;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>GetRecoveryPointRestoreMetadata's request (API model members); BackupVaultAccountId only for a vault another account shares.</summary>
public sealed record RestoreMetadataRequest(
    [property: JsonPropertyName("BackupVaultName")] string BackupVaultName,
    [property: JsonPropertyName("RecoveryPointArn")] string RecoveryPointArn)
{
    [JsonPropertyName("BackupVaultAccountId")]
    public string? BackupVaultAccountId { get; init; }
}
