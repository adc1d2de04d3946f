namespace DrillRunner.Core.Runs;

/// <summary>What a plan's "select" rules found when the run began: the targets they made, and what they matched but left out.</summary>
public sealed record RunSelection(IReadOnlyList<SelectedTarget> Selected, IReadOnlyList<LeftOutResource> LeftOut)
{
    /// <summary>The rules as they read when the run began ("shop-tables: dynamodb; tags app=shop").</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The ids of every target of the run, explicit and selected: what plan-level references (relations, health checks) may name.</summary>
    public IReadOnlyList<string> ResolvedTargetIds { get; init; } = [];
}
