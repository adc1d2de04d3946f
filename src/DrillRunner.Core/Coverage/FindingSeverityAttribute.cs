namespace DrillRunner.Core.Coverage;

/// <summary>Puts each finding's severity beside its name on <see cref="FindingKind"/>, so a new finding cannot be added without one.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class FindingSeverityAttribute(FindingSeverity severity) : Attribute
{
    public FindingSeverity Severity { get; } = severity;
}
