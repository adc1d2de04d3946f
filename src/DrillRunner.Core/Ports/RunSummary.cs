using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>One line of a plan's history, newest first.</summary>
public sealed record RunSummary(string RunId, string PlanName, DateTimeOffset StartedAt, RunStatus Status, Verdict? Verdict);
