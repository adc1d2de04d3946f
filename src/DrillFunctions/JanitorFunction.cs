using System.Text.Json;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Janitor;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point of the janitor's state machine (scheduled daily). Without a mode it deletes
/// expired scratch tables and buckets that stopped executions left behind; "choose" picks the
/// expired databases, volumes and file systems the state machine is to delete, and "record"
/// records what those deletes did. Each leak is a log line and a ScratchResourcesLeaked metric.
/// </summary>
public sealed class JanitorFunction : IDrillFunction
{
    private readonly SweepScratchByPrefix _sweep;
    private readonly ChooseExpiredTaggedResources _resources;
    private readonly DrillServices _services;
    private readonly StepRouter _router;

    public JanitorFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    /// <param name="services">Its scratch prefix is the one the janitor sweeps.</param>
    public JanitorFunction(DrillServices services)
    {
        _services = services;
        _sweep = services.SweepScratchByPrefix();
        _resources = services.ChooseExpiredTaggedResources();
        var json = DrillJson.Default;
        _router = new StepRouter(DrillFunctionCatalog.NameOf<JanitorFunction>(), "mode", services.Log)
            .OnUnnamed(json.JanitorInput, json.JanitorReport, SweepAsync, whenEmpty: new JanitorInput(null))
            .On(JanitorInput.Choose, json.JanitorInput, json.JanitorChoice, ChooseAsync)
            .On(JanitorInput.Record, json.JanitorInput, json.JanitorReport, RecordAsync);
    }

    public Task<Stream> Handle(Stream input) => _router.RouteAsync(input);

    private async Task<JanitorReport> SweepAsync(JanitorInput request, CancellationToken cancellationToken) =>
        Reported(await _sweep.ExecuteAsync(cancellationToken));

    private async Task<JanitorChoice> ChooseAsync(JanitorInput request, CancellationToken cancellationToken)
    {
        var choice = await _resources.ChooseAsync(request.Tagged, cancellationToken);
        Report([], choice.Refused);
        return choice;
    }

    private async Task<JanitorReport> RecordAsync(JanitorInput request, CancellationToken cancellationToken) =>
        Reported(await _resources.RecordAsync(request.Deletions ?? [], request.Results ?? [], cancellationToken));

    private JanitorReport Reported(JanitorReport report)
    {
        Report(report.Deleted, report.Refused);
        return report;
    }

    private void Report(IReadOnlyList<JanitorFinding> deleted, IReadOnlyList<JanitorFinding> refused)
    {
        var log = _services.Log;
        foreach (var leak in deleted)
        {
            log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-resource-leaked", ["resource"] = leak.Resource, ["runId"] = leak.RunId, ["detail"] = leak.Detail }));
        }

        foreach (var refusal in refused)
        {
            log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-resource-refused", ["resource"] = refusal.Resource, ["runId"] = refusal.RunId, ["detail"] = refusal.Detail }));
        }

        log.WriteLine(EmbeddedMetrics.Line(
            new Dictionary<string, string>(),
            new Dictionary<string, (double, MetricUnit)> { ["ScratchResourcesLeaked"] = (deleted.Count, MetricUnit.Count), ["ScratchResourcesRefused"] = (refused.Count, MetricUnit.Count) },
            _services.Time.GetUtcNow()));
    }
}
