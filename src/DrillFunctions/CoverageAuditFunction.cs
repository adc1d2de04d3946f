using DrillRunner.Core.Coverage;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point of the coverage audit's state machine: "page" keeps what one page of one
/// listing says, "template" reads a stack's template policies, "stack" keeps a page of a stack's resources, "judge" judges the whole audit, writes its one record and emits the metrics the
/// unprotected-resources alarm watches. It touches only the runs table; the state machine does the
/// looking, with a read-only role. The steps are <see cref="CoverageAuditSteps"/>'.
/// </summary>
public sealed class CoverageAuditFunction : IDrillFunction
{
    /// <summary>The metric the UnprotectedResourcesAlarm watches.</summary>
    public const string UnprotectedMetric = "UnprotectedResources";

    private readonly DrillServices _services;
    private readonly CoverageAuditSteps _steps;
    private readonly StepRouter _router;

    public CoverageAuditFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    /// <param name="services">Its settings give the scratch prefix the audit leaves out, the deployed thresholds and the topic.</param>
    public CoverageAuditFunction(DrillServices services)
    {
        _services = services;
        _steps = services.CoverageAuditSteps();
        var json = DrillJson.Default;
        _router = new StepRouter(DrillFunctionCatalog.NameOf<CoverageAuditFunction>(), "mode", services.Log)
            .On(AuditStep.KeepPage, json.AuditStep, json.PageKept, _steps.KeepPageAsync)
            .On(AuditStep.ReadTemplate, json.AuditStep, json.StackTemplateRead, _steps.ReadTemplateAsync)
            .On(AuditStep.KeepStackResources, json.AuditStep, json.PageKept, _steps.KeepStackResourcesAsync)
            .On(AuditStep.Judge, json.AuditStep, json.AuditJudged, JudgeAsync);
    }

    public Task<Stream> Handle(Stream input) => _router.RouteAsync(input);

    private async Task<AuditJudged> JudgeAsync(AuditStep step, CancellationToken cancellationToken)
    {
        var (audit, judged) = await _steps.JudgeAsync(step, cancellationToken);
        Emit(audit);
        return judged;
    }

    private void Emit(CoverageAudit audit)
    {
        var at = _services.Time.GetUtcNow();
        _services.Log.WriteLine(EmbeddedMetrics.Line(
            new Dictionary<string, string>(),
            new Dictionary<string, (double, MetricUnit)> { [UnprotectedMetric] = (audit.Count(FindingKind.NotProtected), MetricUnit.Count), ["ResourcesAudited"] = (audit.Judged.Count(), MetricUnit.Count) },
            at));
        foreach (var kind in FindingNames.BySeverity)
        {
            _services.Log.WriteLine(EmbeddedMetrics.Line(
                new Dictionary<string, string> { ["Finding"] = FindingNames.Of(kind) },
                new Dictionary<string, (double, MetricUnit)> { ["CoverageFindings"] = (audit.Count(kind), MetricUnit.Count) },
                at));
        }
    }
}
