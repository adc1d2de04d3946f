using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Selection;

/// <summary>Where a selection is resolved: the runner's own tables (never selected) and the stack's partition, region and account.</summary>
public sealed record SelectionScope(IReadOnlySet<string> RunnerTables, ArnScope? Stack)
{
    public static SelectionScope Of(string? runsTable, ArnScope? stack) =>
        new(runsTable is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { runsTable }, stack);
}
