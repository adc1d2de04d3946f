namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// Owners from tags, Amplify from tags, and which of a resource's observed owners to believe.
/// CloudFormation tags the resources it creates with <c>aws:cloudformation:stack-name</c>,
/// <c>stack-id</c> and <c>logical-id</c>; every live stack is listed (ListStacks) and its resources
/// read (ListStackResources), so a resource whose tags name a stack that no listed stack owns has an
/// owner the audit cannot read, and says why instead of guessing.
/// Amplify's tags: Gen 2 tags a branch deployment's resources <c>amplify:app-id</c> and
/// <c>amplify:branch-name</c> ("Tagging resources", Amplify Documentation,
/// https://docs.amplify.aws/vue/build-a-backend/add-aws-services/tagging-resources); the Gen 1 CLI's
/// default amplify/backend/tags.json tags them <c>user:Application</c> (the project's name) and
/// <c>user:Stack</c> (the environment) ("Apply tags to generated resources", Amplify Documentation,
/// https://docs.amplify.aws/cli/usage/tags). ListStacks gives no stack tags, so only a resource's own
/// tags (RDS, EBS, EFS listings) can name its Amplify app.
/// </summary>
public static class StackOwners
{
    public const string AmplifyAppIdTag = "amplify:app-id";
    public const string AmplifyBranchTag = "amplify:branch-name";
    public const string AmplifyGen1ApplicationTag = "user:Application";
    public const string AmplifyGen1EnvironmentTag = "user:Stack";

    /// <summary>Why the owner of a resource known only from its tags is unreadable.</summary>
    public const string NotAmongListedStacks = "its aws:cloudformation:stack-name tag names a stack that is not among the live stacks ListStacks gave (deleted, or not visible to the audit), so its template could not be read";

    /// <summary>The owner a resource's tags name (null when they name no stack), with the Amplify app they name.</summary>
    public static StackOwner? FromTags(IReadOnlyDictionary<string, string>? tags, string? resourceType)
    {
        if (tags is null || !tags.TryGetValue(StackOwner.StackNameTag, out var stack) || stack.Length == 0)
        {
            return null;
        }

        var (app, environment) = Amplify(tags);
        return new StackOwner(stack, tags.GetValueOrDefault(StackOwner.StackIdTag), tags.GetValueOrDefault(StackOwner.LogicalIdTag), resourceType)
        {
            TemplateUnreadable = NotAmongListedStacks,
            AmplifyApp = app,
            AmplifyEnvironment = environment,
        };
    }

    /// <summary>The Amplify app and environment the tags name (Gen 2 first, then Gen 1's defaults); nulls when they name none.</summary>
    public static (string? App, string? Environment) Amplify(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return (null, null);
        }

        string? Tag(string key) => tags.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        return Tag(AmplifyAppIdTag) is { } app
            ? (app, Tag(AmplifyBranchTag))
            : Tag(AmplifyGen1ApplicationTag) is { } application ? (application, Tag(AmplifyGen1EnvironmentTag)) : (null, null);
    }

    /// <summary>
    /// The owner to believe among the owners one resource's observations name: a stack that lists the
    /// resource beats a tag naming a stack that was not listed; Amplify names seen on any of them are
    /// kept. Null when none names an owner.
    /// </summary>
    public static StackOwner? Merge(IEnumerable<StackOwner?> seen)
    {
        var owners = seen.OfType<StackOwner>().ToList();
        var owner = owners.FirstOrDefault(o => o.TemplateUnreadable != NotAmongListedStacks) ?? owners.FirstOrDefault();
        if (owner is null)
        {
            return null;
        }

        var amplify = owners.FirstOrDefault(o => o.AmplifyApp is not null);
        return owner.AmplifyApp is null && amplify is not null ? owner with { AmplifyApp = amplify.AmplifyApp, AmplifyEnvironment = amplify.AmplifyEnvironment } : owner;
    }
}
