using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Selection;

/// <summary>
/// A resolved selection: what it found, and either the plan with its selected targets written out
/// (<see cref="PlanJson"/>, read back as <see cref="Plan"/>) or why the drill cannot begin.
/// </summary>
public sealed record SelectionOutcome(RunSelection Selection, string PlanJson, DrillPlan? Plan, string? Error)
{
    public bool Succeeded => Error is null;
}
