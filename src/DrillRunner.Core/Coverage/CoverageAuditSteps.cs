using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// The coverage audit machine's two steps: "page" keeps what one page of one listing says, "judge"
/// judges the whole audit against the thresholds (the execution's input may set its own) and says
/// what to publish. The Lambda function only maps JSON and emits the metrics.
/// </summary>
/// <param name="runner">The runner's own resources, which the judge leaves out.</param>
/// <param name="deployed">The stack's thresholds, used where the execution's input sets none.</param>
/// <param name="topicArn">Where the summary goes when something was found; null: nowhere.</param>
public sealed class CoverageAuditSteps(RecordEstatePage keep, JudgeCoverage judge, TimeProvider time, RunnerResources runner, CoverageThresholds deployed, string? topicArn)
{
    public async Task<PageKept> KeepPageAsync(AuditStep step, CancellationToken cancellationToken)
    {
        var (observed, next) = await keep.ExecuteAsync(
            step.AuditId,
            step.Listing ?? throw new ArgumentException("A page step needs \"listing\": the EstateListing that gave the page.", nameof(step)),
            step.Page ?? throw new ArgumentException("A page step needs \"page\": the listing's answer.", nameof(step)),
            AuditScope.FromExecutionArn(step.Execution),
            cancellationToken);
        return new PageKept(observed, next);
    }

    /// <summary>Reads a stack's template policies from GetTemplate's answer (or records why it could not be read); the body goes no further.</summary>
    public Task<Survival.StackTemplateRead> ReadTemplateAsync(AuditStep step, CancellationToken cancellationToken) =>
        Task.FromResult(EstateReader.Template(step.Template ?? throw new ArgumentException("A template step needs \"template\": GetTemplate's answer or its error.", nameof(step))));

    public async Task<PageKept> KeepStackResourcesAsync(AuditStep step, CancellationToken cancellationToken)
    {
        var (observed, next) = await keep.ExecuteStackAsync(
            step.AuditId,
            step.Stack ?? throw new ArgumentException("A stack step needs \"stack\": the StackSummary (StackName, StackId).", nameof(step)),
            step.Policies,
            step.Page ?? throw new ArgumentException("A stack step needs \"page\": ListStackResources' answer.", nameof(step)),
            AuditScope.FromExecutionArn(step.Execution),
            cancellationToken);
        return new PageKept(observed, next);
    }

    /// <summary>Judges the audit and writes its one record; the answer says whether and what to publish.</summary>
    public async Task<(CoverageAudit Audit, AuditJudged Answer)> JudgeAsync(AuditStep step, CancellationToken cancellationToken)
    {
        var audit = await judge.ExecuteAsync(
            step.AuditId,
            AuditScope.FromExecutionArn(step.Execution),
            step.StartedAt ?? time.GetUtcNow(),
            Thresholds(step.Options),
            runner,
            cancellationToken,
            step.Options?["requestId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null);
        return (audit, Judged(audit));
    }

    /// <summary>backupStaleHours and drillStaleDays from the execution's input, else the deployed ones; anything else there is ignored. What resources must survive is always the deployed SurvivalRequire.</summary>
    private CoverageThresholds Thresholds(JsonObject? options)
    {
        double? Number(string name) => options?[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
            var other => throw new ArgumentException($"The audit's input field \"{name}\" must be a number, not {other.ToJsonString()}; leave it out for the default."),
        };

        return CoverageThresholds.From(Number("backupStaleHours") ?? deployed.BackupStaleAfter.TotalHours, Number("drillStaleDays") ?? deployed.DrillStaleAfter.TotalDays)
            with { SurvivalRequired = deployed.SurvivalRequired };
    }

    private AuditJudged Judged(CoverageAudit audit)
    {
        var counts = FindingNames.BySeverity.ToDictionary(FindingNames.Of, audit.Count);
        var worst = audit.Worst;
        return new AuditJudged(
            audit.AuditId,
            audit.Headline(),
            counts,
            Notify: worst is not null && topicArn is not null,
            topicArn,
            worst is { } kind ? $"DrillRunner coverage: {audit.Count(kind)} {FindingNames.Of(kind)} in {audit.Region}" : $"DrillRunner coverage: nothing found in {audit.Region}",
            audit.Summary());
    }
}
