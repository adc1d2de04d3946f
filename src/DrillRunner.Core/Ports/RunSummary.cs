using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>One line of a plan's history, newest first.</summary>
public sealed record RunSummary(string RunId, string PlanName, DateTimeOffset StartedAt, RunStatus Status, Verdict? Verdict)
{
    /// <summary>Why this line of history could not be read (a corrupt or foreign item); null when it was.</summary>
    public string? Unreadable { get; init; }
}
