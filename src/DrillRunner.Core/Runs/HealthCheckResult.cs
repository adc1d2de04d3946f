namespace DrillRunner.Core.Runs;

/// <summary>One HTTP probe's outcome against the scratch environment. <paramref name="Skipped"/>: not run because a target it names was not restored.</summary>
public sealed record HealthCheckResult(string Name, string Url, bool Passed, int? Status, string Detail, DateTimeOffset CheckedAt, bool Skipped = false);
