namespace DrillRunner.Core.Plans;

/// <summary>A plan that was read, or every problem that stopped it being read.</summary>
public sealed record PlanValidationResult(DrillPlan? Plan, IReadOnlyList<PlanProblem> Problems)
{
    public bool IsValid => Plan is not null && Problems.Count == 0;

    public DrillPlan PlanOrThrow() =>
        IsValid ? Plan! : throw new PlanInvalid(Problems);
}
