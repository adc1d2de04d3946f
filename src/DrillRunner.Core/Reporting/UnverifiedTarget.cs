namespace DrillRunner.Core.Reporting;

/// <summary>A target of the plan whose restore no drill in the window verified.</summary>
/// <param name="Kind">Its scratch kind (<see cref="Kinds.ScratchKinds"/>), so that a report speaks of a table, a database or a volume; null when no record says.</param>
public sealed record UnverifiedTarget(string TargetId, string SourceName, string? Kind);
