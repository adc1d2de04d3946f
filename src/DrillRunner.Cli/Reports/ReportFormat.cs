namespace DrillRunner.Cli.Reports;

/// <summary>Renders the reports of several plans, after the latest coverage audit (null when none was recorded), into one document.</summary>
public interface IReportFormat
{
    string Render(IReadOnlyList<Core.Reporting.PlanReport> reports, Core.Coverage.CoverageAudit? coverage, DateTimeOffset since, DateTimeOffset generatedAt);
}
