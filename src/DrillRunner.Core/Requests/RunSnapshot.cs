using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Requests;

/// <summary>A run and its targets as the runs table shows them at one moment.</summary>
public sealed record RunSnapshot(DrillRun Run, IReadOnlyList<TargetRun> Targets)
{
    /// <summary>Nothing more will happen: torn down, or rejected.</summary>
    public bool IsFinal => Run.Status is RunStatus.TornDown or RunStatus.Rejected;
}
