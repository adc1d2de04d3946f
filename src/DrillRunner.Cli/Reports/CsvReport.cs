using System.Text;
using DrillRunner.Core.Reporting;

namespace DrillRunner.Cli.Reports;

/// <summary>One row per drill, for spreadsheets.</summary>
public sealed class CsvReport : IReportFormat
{
    public const string Header = "plan,run_id,started_at_utc,verdict,rto_seconds,rpo_seconds,rto_objective_seconds,rpo_objective_seconds,reason,common_instant_utc,largest_skew_seconds,rpo_not_judged,relations_not_held";

    public string Render(IReadOnlyList<PlanReport> reports, Core.Coverage.CoverageAudit? coverage, DateTimeOffset since, DateTimeOffset generatedAt)
    {
        var csv = new StringBuilder().AppendLine(Header);
        foreach (var report in reports)
        {
            foreach (var point in report.Points)
            {
                csv.AppendLine(string.Join(',',
                    Field(report.PlanName),
                    Field(point.RunId),
                    point.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                    Text.Verdict(point.Verdict),
                    Text.Number(point.RtoSeconds),
                    Text.Number(point.RpoSeconds),
                    Text.Number(report.RtoObjectiveMinutes * 60),
                    Text.Number(report.RpoObjectiveMinutes * 60),
                    Field(point.Reason),
                    point.Instant?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    Text.Number(point.LargestSkewSeconds),
                    point.OlderPoint ? "true" : "false",
                    Field(string.Join("; ", point.RelationsNotHeld))));
            }
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a reason as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
