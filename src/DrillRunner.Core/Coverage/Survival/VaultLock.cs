using System.Text.Json.Serialization;

namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// How a copy's vault is locked, as far as this account can see. Only <see cref="Compliance"/> (past its
/// lock date) and <see cref="AirGapped"/> keep a copy from someone who controls the account: a governance
/// lock can be removed by anyone with the IAM permission, and a compliance lock can be removed during its
/// grace time (AWS Backup Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html).
/// A lock made without ChangeableForDays is a governance lock and has no lock date; one made with it is a
/// compliance lock that becomes immutable on its lock date ("How do I configure an AWS Backup Vault Lock?",
/// https://repost.aws/knowledge-center/backup-configure-vault-lock).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<VaultLock>))]
public enum VaultLock
{
    /// <summary>Not a vault: a DynamoDB backup, kept by DynamoDB in the account.</summary>
    [JsonStringEnumMemberName("no vault")]
    NoVault = 1,

    /// <summary>A vault of this account without a lock.</summary>
    [JsonStringEnumMemberName("none")]
    None = 2,

    /// <summary>Locked without a lock date: governance mode, removable with IAM permissions.</summary>
    [JsonStringEnumMemberName("governance")]
    Governance = 3,

    /// <summary>Locked in compliance mode, still in its grace time (before its lock date): removable until then.</summary>
    [JsonStringEnumMemberName("compliance (grace time)")]
    ComplianceGrace = 4,

    /// <summary>Locked in compliance mode past its lock date: immutable, nobody can delete its recovery points early.</summary>
    [JsonStringEnumMemberName("compliance")]
    Compliance = 5,

    /// <summary>A logically air-gapped vault: compliance-locked by AWS Backup itself.</summary>
    [JsonStringEnumMemberName("logically air-gapped")]
    AirGapped = 6,

    /// <summary>A vault of another account: its lock is not visible from this account (not "absent").</summary>
    [JsonStringEnumMemberName("not visible from this account")]
    NotVisible = 7,

    /// <summary>A vault of this account that the audit's vault listing did not return.</summary>
    [JsonStringEnumMemberName("not read")]
    NotRead = 8,
}
