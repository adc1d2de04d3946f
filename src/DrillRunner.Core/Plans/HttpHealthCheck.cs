namespace DrillRunner.Core.Plans;

/// <summary>An HTTP probe of the application pointed at the restored tables.</summary>
/// <param name="UrlTemplate">URL; <c>{{restored.TARGET_ID}}</c> is replaced by that target's scratch table name.</param>
/// <param name="FollowRedirects">
/// Off by default: a redirect is judged as the status it is, because following it lets the
/// application under test send the probe anywhere. When on, each hop is checked like the URL itself.
/// </param>
public sealed record HttpHealthCheck(
    string Name,
    string UrlTemplate,
    int ExpectedStatus,
    string? BodyContains,
    int TimeoutSeconds,
    bool FollowRedirects = false)
{
    /// <summary>The most redirects a probe follows when <see cref="FollowRedirects"/> is on (browsers allow about 20; a health endpoint needs one or two).</summary>
    public const int MaxRedirects = 5;
}
