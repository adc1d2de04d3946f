using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Ports;

/// <summary>
/// Reads (never writes) the resources a plan's "select" rules can match, in the stack's own account
/// and region. Only the kinds of <c>SelectionRule.SelectableKinds</c> are asked for.
/// </summary>
public interface ISelectableResources
{
    /// <summary>The names of every resource of <paramref name="kind"/>, every page of the listing read.</summary>
    Task<IReadOnlyList<string>> ListNamesAsync(RestoreKind kind, CancellationToken cancellationToken);

    /// <summary>One resource's ARN and tags (every page of them); null when it was deleted since the listing.</summary>
    Task<SelectableResource?> DescribeAsync(RestoreKind kind, string name, CancellationToken cancellationToken);
}
