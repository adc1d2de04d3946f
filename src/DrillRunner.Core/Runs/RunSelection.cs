namespace DrillRunner.Core.Runs;

/// <summary>What a plan's "select" rules found when the run began: the targets they made, and what they matched but left out.</summary>
public sealed record RunSelection(IReadOnlyList<SelectedTarget> Selected, IReadOnlyList<LeftOutResource> LeftOut)
{
    /// <summary>The rules as they read when the run began ("shop-tables: dynamodb; tags app=shop").</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The ids of every target of the run, explicit and selected: what plan-level references (relations, health checks) may name.</summary>
    public IReadOnlyList<string> ResolvedTargetIds { get; init; } = [];

    /// <summary>"3 target(s) selected (shop-tables 2, shop-buckets 1); 1 left out (scratch-resource 1)": one line for summaries.</summary>
    public string Summary()
    {
        var byRule = string.Join(", ", Selected.GroupBy(s => s.RuleId).Select(g => $"{g.Key} {g.Count()}"));
        var byReason = string.Join(", ", LeftOut.GroupBy(l => l.Reason).Select(g => $"{g.Key} {g.Count()}"));
        return $"{Selected.Count} target(s) selected" + (byRule.Length > 0 ? $" ({byRule})" : string.Empty)
            + $"; {LeftOut.Count} left out" + (byReason.Length > 0 ? $" ({byReason})" : string.Empty);
    }
}
