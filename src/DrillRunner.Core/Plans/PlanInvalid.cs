using DrillRunner.Core.Errors;

namespace DrillRunner.Core.Plans;

/// <summary>The plan failed validation; every problem is listed.</summary>
public sealed class PlanInvalid : DrillException
{
    public PlanInvalid(IReadOnlyList<PlanProblem> problems)
        : base("The drill plan is invalid: " + string.Join(" | ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<PlanProblem> Problems { get; }
}
