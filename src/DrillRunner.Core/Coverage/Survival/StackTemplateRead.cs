namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// What the audit read from one stack's template, small enough to carry through the stack's
/// iteration: the policies of the resources of the kinds the runner judges (by logical id), or
/// why the template could not be read.
/// </summary>
public sealed record StackTemplateRead
{
    public IReadOnlyDictionary<string, ResourcePolicies> Resources { get; init; } = new Dictionary<string, ResourcePolicies>();

    /// <summary>Why the template could not be read; null when it was.</summary>
    public string? Unreadable { get; init; }
}
