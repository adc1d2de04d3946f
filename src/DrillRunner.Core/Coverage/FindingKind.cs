using System.Reflection;
using System.Text.Json.Serialization;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// What the coverage audit can find about a resource, most severe first: a resource that cannot be
/// restored at all, then one its stack's deletion would destroy with every copy, then one whose newest
/// recovery point is old, then one whose restore is known to fail, then one with no copy outside its
/// account or region, then one nobody has tried to restore, then a missing deletion guard or vault lock,
/// then one whose proof is old. <c>--fail-on X</c> fails on X and everything above it, except the
/// survival findings a resource is not required to pass (advisory, <see cref="Finding.Advisory"/>).
/// Each finding's colour comes from its <see cref="FindingSeverity"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingKind>))]
public enum FindingKind
{
    [JsonStringEnumMemberName("DRILL_STALE")]
    [FindingSeverity(FindingSeverity.Warning)]
    DrillStale = 1,

    [JsonStringEnumMemberName("VAULT_NOT_LOCKED")]
    [FindingSeverity(FindingSeverity.Warning)]
    VaultNotLocked = 2,

    [JsonStringEnumMemberName("NO_DELETION_GUARD")]
    [FindingSeverity(FindingSeverity.Warning)]
    NoDeletionGuard = 3,

    [JsonStringEnumMemberName("NOT_DRILLED")]
    [FindingSeverity(FindingSeverity.Warning)]
    NotDrilled = 4,

    [JsonStringEnumMemberName("NO_COPY_OUTSIDE_REGION")]
    [FindingSeverity(FindingSeverity.Critical)]
    NoCopyOutsideRegion = 5,

    [JsonStringEnumMemberName("NO_COPY_OUTSIDE_ACCOUNT")]
    [FindingSeverity(FindingSeverity.Critical)]
    NoCopyOutsideAccount = 6,

    [JsonStringEnumMemberName("DRILL_FAILING")]
    [FindingSeverity(FindingSeverity.Critical)]
    DrillFailing = 7,

    [JsonStringEnumMemberName("BACKUP_STALE")]
    [FindingSeverity(FindingSeverity.Critical)]
    BackupStale = 8,

    [JsonStringEnumMemberName("STACK_DELETE_LOSES_DATA")]
    [FindingSeverity(FindingSeverity.Critical)]
    StackDeleteLosesData = 9,

    [JsonStringEnumMemberName("NOT_PROTECTED")]
    [FindingSeverity(FindingSeverity.Critical)]
    NotProtected = 10,
}

/// <summary>The spelling of findings outside C# (NOT_PROTECTED, …): one mapping for the records, the CLI, the report and the metrics.</summary>
public static class FindingNames
{
    private static readonly IReadOnlyDictionary<FindingKind, string> Names = Enum.GetValues<FindingKind>().ToDictionary(
        kind => kind,
        kind => typeof(FindingKind).GetField(kind.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"FindingKind.{kind} has no JsonStringEnumMemberName."));

    /// <summary>Most severe first.</summary>
    public static IReadOnlyList<FindingKind> BySeverity { get; } = [.. Enum.GetValues<FindingKind>().OrderDescending()];

    public static string Of(FindingKind kind) => Names[kind];

    /// <summary>The finding a name spells (case-insensitive); null for anything else.</summary>
    public static FindingKind? Parse(string? name) => Names.Where(n => string.Equals(n.Value, name, StringComparison.OrdinalIgnoreCase)).Select(n => (FindingKind?)n.Key).FirstOrDefault();

    /// <summary>"NOT_PROTECTED, BACKUP_STALE, …", most severe first, for messages.</summary>
    public static string List => string.Join(", ", BySeverity.Select(Of));
}
