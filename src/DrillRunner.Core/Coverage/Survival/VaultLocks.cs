using System.Reflection;
using System.Text.Json.Serialization;

namespace DrillRunner.Core.Coverage.Survival;

/// <summary>The spelling of <see cref="VaultLock"/> for people ("compliance", "not visible from this account"), and how a vault's listing maps to one.</summary>
public static class VaultLocks
{
    /// <summary>ListBackupVaults' VaultType of a logically air-gapped vault.</summary>
    public const string LogicallyAirGapped = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";

    private static readonly IReadOnlyDictionary<VaultLock, string> Names = Enum.GetValues<VaultLock>().ToDictionary(
        l => l,
        l => typeof(VaultLock).GetField(l.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    public static string Of(VaultLock vaultLock) => Names[vaultLock];

    /// <summary>True for a lock nobody in the account can lift: compliance past its date, or an air-gapped vault.</summary>
    public static bool Immutable(VaultLock vaultLock) => vaultLock is VaultLock.Compliance or VaultLock.AirGapped;

    /// <summary>The lock of a vault this account listed, at <paramref name="now"/>.</summary>
    public static VaultLock Of(VaultSeen vault, DateTimeOffset now) => vault switch
    {
        { VaultType: LogicallyAirGapped } => VaultLock.AirGapped,
        { Locked: false } => VaultLock.None,
        { LockDate: null } => VaultLock.Governance,
        { LockDate: { } date } when date > now => VaultLock.ComplianceGrace,
        _ => VaultLock.Compliance,
    };
}
