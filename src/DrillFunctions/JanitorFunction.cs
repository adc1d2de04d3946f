using System.Text.Json;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// Scheduled Lambda entry point: deletes expired scratch tables that aborted executions left
/// behind, and reports each leak as a log line and a ScratchTablesLeaked metric.
/// </summary>
public sealed class JanitorFunction : IDrillFunction
{
    public const string ScratchPrefixVariable = "DRILL_SCRATCH_PREFIX";

    private readonly SweepExpiredScratch _sweep;
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
        _scratchPrefix = scratchPrefix;
        _time = services.Time;
        _log = services.Log;
    }

    public async Task<Stream> Handle(Stream input)
    {
        var report = await _sweep.ExecuteAsync(_scratchPrefix, CancellationToken.None);
        foreach (var leak in report.Deleted)
        {
            _log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-table-leaked", ["table"] = leak.Table, ["runId"] = leak.RunId, ["detail"] = leak.Detail }));
        }

        foreach (var refusal in report.Refused)
        {
            _log.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["level"] = "warn", ["event"] = "scratch-table-refused", ["table"] = refusal.Table, ["runId"] = refusal.RunId, ["detail"] = refusal.Detail }));
        }

        _log.WriteLine(EmbeddedMetrics.Line(
            new Dictionary<string, string>(),
            new Dictionary<string, (double, string)> { ["ScratchTablesLeaked"] = (report.Deleted.Count, "Count"), ["ScratchTablesRefused"] = (report.Refused.Count, "Count") },
            _time.GetUtcNow()));
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, report, DrillJson.Default.JanitorReport);
        output.Position = 0;
        return output;
    }
}
