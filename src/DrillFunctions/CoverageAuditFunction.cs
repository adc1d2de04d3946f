using System.Text.Json;
using DrillRunner.Core;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point of the coverage audit's state machine: "page" keeps what one page of one
/// listing says, "judge" judges the whole audit, writes its one record and emits the metrics the
/// unprotected-resources alarm watches. It touches only the runs table; the state machine does the
/// looking, with a read-only role.
/// </summary>
public sealed class CoverageAuditFunction : IDrillFunction
{
    private readonly DrillServices _services;
    private readonly RunnerResources _runner;

    private readonly CoverageThresholds _thresholds;
    private readonly string? _topicArn;

    public CoverageAuditFunction()
        : this(
            DrillServices.FromEnvironment(),
            Environment.GetEnvironmentVariable(EnvironmentVariables.ScratchPrefix) ?? string.Empty,
            CoverageThresholds.From(Setting(EnvironmentVariables.BackupStaleHours), Setting(EnvironmentVariables.DrillStaleDays)))
    {
    }

    /// <param name="thresholds">The deployed thresholds (the template's parameters); an audit's input may set its own.</param>
    /// <param name="topicArn">Where the summary goes; by default the stack's notifications topic.</param>
    public CoverageAuditFunction(DrillServices services, string scratchPrefix, CoverageThresholds? thresholds = null, string? topicArn = null)
    {
        _services = services;
        _topicArn = topicArn ?? services.NotificationsTopicArn;
        _runner = new RunnerResources(services.RunsTable, scratchPrefix);
        _thresholds = thresholds ?? CoverageThresholds.Default;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.AuditStep, DrillJson.Default.JsonNode, StepAsync, _services.Log, DrillFunctionCatalog.NameOf<CoverageAuditFunction>());

    private async Task<System.Text.Json.Nodes.JsonNode> StepAsync(AuditStep step, CancellationToken cancellationToken)
    {
        var scope = AuditScope.FromExecutionArn(step.Execution);
        switch (step.Mode)
        {
            case AuditStep.KeepPage:
                var (observed, next) = await new RecordEstatePage(_services.Coverage).ExecuteAsync(
                    step.AuditId,
                    step.Listing ?? throw new ArgumentException("A page step needs \"listing\": the EstateListing that gave the page."),
                    step.Page ?? throw new ArgumentException("A page step needs \"page\": the listing's answer."),
                    scope,
                    cancellationToken);
                return JsonSerializer.SerializeToNode(new PageKept(observed, next), DrillJson.Default.PageKept)!;
            case AuditStep.Judge:
                var audit = await new JudgeCoverage(_services.Plans, _services.Runs, _services.Coverage, _services.Time).ExecuteAsync(
                    step.AuditId,
                    scope,
                    step.StartedAt ?? _services.Time.GetUtcNow(),
                    Thresholds(step.Options),
                    _runner,
                    cancellationToken,
                    step.Options?["requestId"] is System.Text.Json.Nodes.JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null);
                Emit(audit);
                return JsonSerializer.SerializeToNode(Judged(audit), DrillJson.Default.AuditJudged)!;
            default:
                throw new ArgumentException($"Unknown mode '{step.Mode}': the audit's steps are \"{AuditStep.KeepPage}\" and \"{AuditStep.Judge}\".");
        }
    }

    private static double? Setting(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : throw new InvalidOperationException($"{variable} is '{text}', not a number: set it to a number of {(variable == EnvironmentVariables.BackupStaleHours ? "hours" : "days")}.")
            : null;

    /// <summary>backupStaleHours and drillStaleDays from the execution's input, else the deployed ones; anything else there is ignored.</summary>
    private CoverageThresholds Thresholds(System.Text.Json.Nodes.JsonObject? options)
    {
        double? Number(string name) => options?[name] switch
        {
            null => null,
            System.Text.Json.Nodes.JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
            var other => throw new ArgumentException($"The audit's input field \"{name}\" must be a number, not {other.ToJsonString()}; leave it out for the default."),
        };

        return CoverageThresholds.From(Number("backupStaleHours") ?? _thresholds.BackupStaleAfter.TotalHours, Number("drillStaleDays") ?? _thresholds.DrillStaleAfter.TotalDays);
    }

    private AuditJudged Judged(CoverageAudit audit)
    {
        var counts = FindingNames.BySeverity.ToDictionary(FindingNames.Of, audit.Count);
        var worst = audit.Worst;
        return new AuditJudged(
            audit.AuditId,
            audit.Headline(),
            counts,
            Notify: worst is not null && _topicArn is not null,
            _topicArn,
            worst is { } kind ? $"DrillRunner coverage: {audit.Count(kind)} {FindingNames.Of(kind)} in {audit.Region}" : $"DrillRunner coverage: nothing found in {audit.Region}",
            audit.Summary());
    }

    private void Emit(CoverageAudit audit)
    {
        var at = _services.Time.GetUtcNow();
        _services.Log.WriteLine(EmbeddedMetrics.Line(
            new Dictionary<string, string>(),
            new Dictionary<string, (double, string)> { [UnprotectedMetric] = (audit.Count(FindingKind.NotProtected), "Count"), ["ResourcesAudited"] = (audit.Judged.Count(), "Count") },
            at));
        foreach (var kind in FindingNames.BySeverity)
        {
            _services.Log.WriteLine(EmbeddedMetrics.Line(
                new Dictionary<string, string> { ["Finding"] = FindingNames.Of(kind) },
                new Dictionary<string, (double, string)> { ["CoverageFindings"] = (audit.Count(kind), "Count") },
                at));
        }
    }

    /// <summary>The metric the UnprotectedResourcesAlarm watches.</summary>
    public const string UnprotectedMetric = "UnprotectedResources";
}
