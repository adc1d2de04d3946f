namespace DrillRunner.Core.Plans;

/// <summary>
/// <paramref name="Target"/>'s verified count is at least <paramref name="AtLeast"/> times <paramref name="Per"/>'s
/// (e.g. at least 10 orders per customer). Counts come from each target's verification, not a new scan.
/// </summary>
public sealed record CountRatioRelation(string Id, string Target, double AtLeast, string Per) : Relation(Id)
{
    public override IReadOnlyList<(string TargetId, string Field)> NamedTargets =>
        [(Target, "countRatio.target"), (Per, "countRatio.per")];
}
