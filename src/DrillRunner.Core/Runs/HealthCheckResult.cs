namespace DrillRunner.Core.Runs;

/// <summary>One HTTP probe's outcome against the scratch environment.</summary>
public sealed record HealthCheckResult(string Name, string Url, bool Passed, int? Status, string Detail, DateTimeOffset CheckedAt);
