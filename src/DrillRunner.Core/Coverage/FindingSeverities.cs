using System.Reflection;

namespace DrillRunner.Core.Coverage;

/// <summary>Each finding's severity, as <see cref="FindingKind"/> declares it: one mapping for every report that colours findings.</summary>
public static class FindingSeverities
{
    private static readonly IReadOnlyDictionary<FindingKind, FindingSeverity> Severities = Enum.GetValues<FindingKind>().ToDictionary(
        kind => kind,
        kind => typeof(FindingKind).GetField(kind.ToString())!.GetCustomAttribute<FindingSeverityAttribute>()?.Severity
            ?? throw new InvalidOperationException($"FindingKind.{kind} has no FindingSeverity."));

    public static FindingSeverity Of(FindingKind kind) => Severities[kind];
}
