namespace DrillRunner.Cli.Reports;

/// <summary>Renders the reports of several plans into one document.</summary>
public interface IReportFormat
{
    string Render(IReadOnlyList<Core.Reporting.PlanReport> reports, DateTimeOffset since, DateTimeOffset generatedAt);
}
