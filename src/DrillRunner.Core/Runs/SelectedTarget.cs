namespace DrillRunner.Core.Runs;

/// <summary>A resource a rule selected, and the target id it was drilled under.</summary>
/// <param name="Renamed">Why the id is not the resource's name (characters target ids cannot hold, or a clash), else null.</param>
public sealed record SelectedTarget(string RuleId, string Resource, string TargetId, string? Renamed = null);
