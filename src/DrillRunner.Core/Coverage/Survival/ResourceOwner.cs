namespace DrillRunner.Core.Coverage.Survival;

/// <summary>Who owns a resource and what guards it against its owner's deletion.</summary>
/// <param name="Stack">The owning stack with its template's policies; null when the owner is unknown.</param>
/// <param name="DeletionProtection">The resource's own deletion protection (DynamoDB, RDS, Aurora); null when not read or the kind has none.</param>
/// <param name="UnknownBecause">Why the owner is unknown; null when a stack was found.</param>
public sealed record ResourceOwner(StackOwner? Stack, bool? DeletionProtection, string? UnknownBecause)
{
    /// <summary>Why no owner was found when neither a stack's resources nor the resource's tags name one.</summary>
    public const string NoStackNamesIt = "no stack this audit can read lists it and no aws:cloudformation tag names one: not created by CloudFormation, or by a stack this account's audit cannot see";

    /// <summary>"stack shop (Orders), DeletionPolicy Delete", or "owner unknown: …", compact for tables.</summary>
    public string Describe(string? effectivePolicy) => Stack switch
    {
        null => $"owner unknown: {UnknownBecause}",
        { } stack => $"stack {stack.StackName}{(stack.LogicalId is { } id ? $" ({id})" : string.Empty)}"
            + (stack.TemplateUnreadable is { } why ? $", template unreadable: {why}" : $", DeletionPolicy {effectivePolicy ?? DeletionPolicies.Delete}")
            + (stack.UpdateReplacePolicy is { } replace ? $", UpdateReplacePolicy {replace}" : string.Empty)
            + (DeletionProtection == true ? ", deletion protection on" : string.Empty)
            + (stack.AmplifyApp is { } app ? $", Amplify app {app}{(stack.AmplifyEnvironment is { } env ? $"/{env}" : string.Empty)}" : string.Empty),
    };
}
