using System.Text.Json.Nodes;
using System.Text.Json;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Janitor;
using DrillRunner.Core.Json;
using DrillRunner.Core;

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
    private readonly string _scratchPrefix;
    private readonly TimeProvider _time;
    private readonly TextWriter _log;

    public JanitorFunction()
        : this(DrillServices.FromEnvironment(), Environment.GetEnvironmentVariable(EnvironmentVariables.ScratchPrefix) ?? string.Empty)
    {
    }

    public JanitorFunction(DrillServices services, string scratchPrefix)
    {
        _sweep = new SweepScratchByPrefix(services.Runs, services.ScratchTables, services.Time, services.ScratchBuckets);
        _resources = new ChooseExpiredTaggedResources(services.Runs, services.Time);
        _scratchPrefix = scratchPrefix;
        _time = services.Time;
        _log = services.Log;
    }

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.JanitorInput, DrillJson.Default.JsonNode, SweepAsync, _log, DrillFunctionCatalog.NameOf<JanitorFunction>(), whenEmpty: new JanitorInput(null));

    /// <summary>Without a mode, "sweep tables and buckets"; "choose" and "record" are the state machine's steps around its deletes.</summary>
    private async Task<JsonNode> SweepAsync(JanitorInput request, CancellationToken cancellationToken)
    {
        switch (request.Mode)
        {
            case JanitorInput.Choose:
                var choice = await _resources.ChooseAsync(_scratchPrefix, request.Tagged, cancellationToken);
                Report([], choice.Refused);
                return JsonSerializer.SerializeToNode(choice, DrillJson.Default.JanitorChoice)!;
            case JanitorInput.Record:
                var recorded = await _resources.RecordAsync(request.Deletions ?? [], request.Results ?? [], cancellationToken);
                Report(recorded.Deleted, recorded.Refused);
                return JsonSerializer.SerializeToNode(recorded, DrillJson.Default.JanitorReport)!;
            default:
                var report = await _sweep.ExecuteAsync(_scratchPrefix, cancellationToken);
                Report(report.Deleted, report.Refused);
                return JsonSerializer.SerializeToNode(report, DrillJson.Default.JanitorReport)!;
        }
    }

    private void Report(IReadOnlyList<JanitorFinding> deleted, IReadOnlyList<JanitorFinding> refused)
    {
        foreach (var leak in deleted)
        {
            _log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-resource-leaked", ["resource"] = leak.Resource, ["runId"] = leak.RunId, ["detail"] = leak.Detail }));
        }

        foreach (var refusal in refused)
        {
            _log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-resource-refused", ["resource"] = refusal.Resource, ["runId"] = refusal.RunId, ["detail"] = refusal.Detail }));
        }

        _log.WriteLine(EmbeddedMetrics.Line(
            new Dictionary<string, string>(),
            new Dictionary<string, (double, string)> { ["ScratchResourcesLeaked"] = (deleted.Count, "Count"), ["ScratchResourcesRefused"] = (refused.Count, "Count") },
            _time.GetUtcNow()));
    }
}
