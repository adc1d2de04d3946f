using System.Text.Json.Serialization;

namespace DrillRunner.Core.Runs;

/// <summary>
/// The request of ListBackupVaults or ListRecoveryPointsByBackupVault, with the members of the AWS Backup API
/// model (backup-2018-11-15), PascalCase as Step Functions passes them; null members are left out.
/// </summary>
public sealed record PointListingRequest
{
    [JsonPropertyName("BackupVaultName")]
    public string? BackupVaultName { get; init; }

    /// <summary>The vault's account when another account shares it with this one.</summary>
    [JsonPropertyName("BackupVaultAccountId")]
    public string? BackupVaultAccountId { get; init; }

    /// <summary>The source resource: copies keep their source's ResourceArn.</summary>
    [JsonPropertyName("ByResourceArn")]
    public string? ByResourceArn { get; init; }

    /// <summary>ListBackupVaults: true lists the vaults other accounts share with this one.</summary>
    [JsonPropertyName("ByShared")]
    public bool? ByShared { get; init; }

    [JsonPropertyName("MaxResults")]
    public int? MaxResults { get; init; }

    [JsonPropertyName("NextToken")]
    public string? NextToken { get; init; }
}
