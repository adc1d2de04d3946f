namespace DrillRunner.Core.Plans;

/// <summary>One thing wrong with a plan: where (JSON path), what, and how to fix it.</summary>
public sealed record PlanProblem(string Path, string Message, string Fix)
{
    public override string ToString() => $"{Path}: {Message} Fix: {Fix}";
}
