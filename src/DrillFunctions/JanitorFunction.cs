using System.Text.Json;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point of the janitor's state machine (scheduled daily). Without a mode it deletes
/// expired scratch tables and buckets that stopped executions left behind; "choose" picks the
/// expired databases, volumes and file systems the state machine is to delete, and "record"
/// records what those deletes did. Each leak is a log line and a ScratchTablesLeaked metric.
/// </summary>
public sealed class JanitorFunction : IDrillFunction
{
    public const string ScratchPrefixVariable = "DRILL_SCRATCH_PREFIX";

    private readonly SweepExpiredScratch _sweep;
    private readonly SweepExpiredResources _resources;
    private readonly string _scratchPrefix;
    private readonly TimeProvider _time;
    private readonly TextWriter _log;

    public JanitorFunction()
        : this(DrillServices.FromEnvironment(), Environment.GetEnvironmentVariable(ScratchPrefixVariable) ?? string.Empty)
    {
    }

    public JanitorFunction(DrillServices services, string scratchPrefix)
    {
        _sweep = new SweepExpiredScratch(services.Runs, services.ScratchTables, services.Time, services.ScratchBuckets);
        _resources = new SweepExpiredResources(services.Runs, services.Time);
        _scratchPrefix = scratchPrefix;
        _time = services.Time;
        _log = services.Log;
    }

    public async Task<Stream> Handle(Stream input)
    {
        var request = await ReadAsync(input);
        var output = new MemoryStream();
        switch (request.Mode)
        {
            case JanitorInput.Choose:
                var choice = await _resources.ChooseAsync(_scratchPrefix, request.Tagged, CancellationToken.None);
                Report([], choice.Refused);
                await JsonSerializer.SerializeAsync(output, choice, DrillJson.Default.JanitorChoice);
                break;
            case JanitorInput.Record:
                var recorded = await _resources.RecordAsync(request.Deletions ?? [], request.Results ?? [], CancellationToken.None);
                Report(recorded.Deleted, recorded.Refused);
                await JsonSerializer.SerializeAsync(output, recorded, DrillJson.Default.JanitorReport);
                break;
            default:
                var report = await _sweep.ExecuteAsync(_scratchPrefix, CancellationToken.None);
                Report(report.Deleted, report.Refused);
                await JsonSerializer.SerializeAsync(output, report, DrillJson.Default.JanitorReport);
                break;
        }

        output.Position = 0;
        return output;
    }

    /// <summary>The state machine's input: a JSON object; without a mode, "sweep tables and buckets".</summary>
    private static async Task<JanitorInput> ReadAsync(Stream input) =>
        await JsonSerializer.DeserializeAsync(input, DrillJson.Default.JanitorInput) ?? new JanitorInput(null);

    private void Report(IReadOnlyList<JanitorFinding> deleted, IReadOnlyList<JanitorFinding> refused)
    {
        foreach (var leak in deleted)
        {
            _log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-table-leaked", ["table"] = leak.Table, ["runId"] = leak.RunId, ["detail"] = leak.Detail }));
        }

        foreach (var refusal in refused)
        {
            _log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-table-refused", ["table"] = refusal.Table, ["runId"] = refusal.RunId, ["detail"] = refusal.Detail }));
        }

        _log.WriteLine(EmbeddedMetrics.Line(
            new Dictionary<string, string>(),
            new Dictionary<string, (double, string)> { ["ScratchTablesLeaked"] = (deleted.Count, "Count"), ["ScratchTablesRefused"] = (refused.Count, "Count") },
            _time.GetUtcNow()));
    }
}
