namespace DrillRunner.Core.Plans;

/// <summary>An HTTP probe of the application pointed at the restored tables.</summary>
/// <param name="UrlTemplate">URL; <c>{{restored.TARGET_ID}}</c> is replaced by that target's scratch table name.</param>
public sealed record HttpHealthCheck(
    string Name,
    string UrlTemplate,
    int ExpectedStatus,
    string? BodyContains,
    int TimeoutSeconds);
