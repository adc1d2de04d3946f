using System.Text.Json;
using System.Text.Json.Serialization;
using DrillRunner.Core.Reporting;

namespace DrillRunner.Cli.Reports;

/// <summary>The report model as JSON, for dashboards.</summary>
public sealed class JsonReport : IReportFormat
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Render(IReadOnlyList<PlanReport> reports, Core.Coverage.CoverageAudit? coverage, DateTimeOffset since, DateTimeOffset generatedAt) =>
        JsonSerializer.Serialize(
            new
            {
                generatedAt,
                since,
                coverage = coverage is null ? null : JsonSerializer.SerializeToNode(coverage, Core.Json.DrillJson.Default.CoverageAudit),
                plans = reports.Select(r => new { report = r, r.PassRate, r.ObjectivesMet }),
            },
            Options);
}
