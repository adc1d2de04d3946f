namespace DrillRunner.Core.Coverage;

/// <summary>
/// How bad a finding is for a reader who only sees its colour: critical when data cannot be brought
/// back, would be lost, or a restore is known to fail; a warning when proof is missing or old.
/// </summary>
public enum FindingSeverity
{
    /// <summary>Nobody has proved it restores, or the proof is old: unknown, not known-bad.</summary>
    Warning = 1,

    /// <summary>No recovery point, a stale one, or a restore that fails: known-bad.</summary>
    Critical = 2,
}
