using DrillRunner.Core.Reporting;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Tests.Reports;

/// <summary>A plan's report as the builder would give it, for the sentence tests: objectives of 60 and 15 minutes.</summary>
internal static class SamplePlan
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static RunPoint Pass(DateTimeOffset at) => new("run-pass", at, Verdict.Pass, 1500, 300, "all 3 target(s) restored, verified and healthy");

    public static RunPoint Fail(DateTimeOffset at) => new("run-fail", at, Verdict.Fail, null, null, "no recovery point for table 'orders-prod'");

    /// <summary>Stale as the builder says: no PASS ever, or none for more than <see cref="ReportBuilder.StaleAfterDays"/> days.</summary>
    public static PlanReport Report(RunPoint? latest, DateTimeOffset? lastPassAt, IReadOnlyList<UnverifiedTarget>? unverified = null, string name = "shop")
    {
        double? days = lastPassAt is { } at ? (Now - at).TotalDays : null;
        RunPoint[] points = latest is null ? [] : [latest];
        return new PlanReport(
            name, 60, 15, points.Length, points.Count(p => p.Verdict == Verdict.Pass), latest, lastPassAt, days, days is null or > ReportBuilder.StaleAfterDays,
            latest?.RtoSeconds, latest?.RtoSeconds, latest?.RpoSeconds, points, [], [.. points.Where(p => p.Verdict != Verdict.Pass).Select(p => new RunFailure(p.RunId, p.StartedAt, p.Verdict, p.Reason))], unverified ?? []);
    }
}
