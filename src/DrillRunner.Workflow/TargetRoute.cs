using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>The way a target that passes goes through its child execution, with its two loops: the looks at its restore and its verification rounds.</summary>
public sealed record TargetRoute(IReadOnlyDictionary<StateName, StateName> Choices, StateName Look, StateName VerificationRound)
{
    public PathRoute Path => new(Choices, [Look, VerificationRound]);
}
