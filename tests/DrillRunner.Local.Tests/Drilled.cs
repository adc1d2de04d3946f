using DrillRunner.Core.Runs;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Tests;

/// <summary>A drill as a test sees it: the execution, the run record and each target's record.</summary>
public sealed record Drilled(ExecutionResult Execution, DrillRun Run, IReadOnlyDictionary<string, TargetRun> Targets)
{
    /// <summary>The plan drilled, where the test chose it per drill.</summary>
    public string? PlanName { get; init; }
}
