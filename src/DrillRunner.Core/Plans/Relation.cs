namespace DrillRunner.Core.Plans;

/// <summary>
/// Something that must hold between restored targets, checked once every target is verified
/// (the plan's "relations"): a reference from one table's attribute to another target, or a ratio of counts.
/// </summary>
/// <param name="Id">The relation's id in the plan, used in results and reports.</param>
public abstract record Relation(string Id)
{
    /// <summary>The target ids the relation names, in the order the plan writes them, with the JSON field that names each.</summary>
    public abstract IReadOnlyList<(string TargetId, string Field)> NamedTargets { get; }
}
