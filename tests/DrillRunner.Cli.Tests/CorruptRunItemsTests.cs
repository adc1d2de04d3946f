using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.RunStore;
using DrillRunner.Core.Json;
using DrillRunner.Core.Runs;
using DrillRunner.Local;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// Items in the runs table that are not run records this version wrote (corrupt, hand-edited, or
/// foreign): status, history and report say which run cannot be read and why, and carry on.
/// </summary>
public sealed class CorruptRunItemsTests : IAsyncLifetime
{
    private const string Plan = "corrupt";
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private LocalDrillEnvironment _local = null!;

    public async Task InitializeAsync()
    {
        _local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        await History("r1-unknown-verdict", Day.AddDays(-6), "Concluded", "MAYBE");
        await Put(RunsTableKeys.PlanRuns(Plan), "not-a-time#r2", new() { ["runId"] = new() { S = "r2-bad-key" }, ["status"] = new() { S = "Exploded" } });
        await History("r3-not-json", Day.AddDays(-4), "TornDown", "PASS");
        await Put(RunsTableKeys.Run("r3-not-json"), RunsTableKeys.RunHeader, new() { [RunsTableKeys.Document] = new() { S = "{ not json" } });
        await History("r4-no-document", Day.AddDays(-3), "TornDown", "FAIL");
        await Put(RunsTableKeys.Run("r4-no-document"), RunsTableKeys.RunHeader, new() { ["something"] = new() { N = "1" } });
        await History("r5-wrong-types", Day.AddDays(-2), "TornDown", "PASS");
        await Put(RunsTableKeys.Run("r5-wrong-types"), RunsTableKeys.RunHeader, new() { [RunsTableKeys.Document] = new() { S = """{ "runId": 5, "planName": ["x"], "status": "Sideways" }""" } });

        // A readable run with one unreadable target.
        var run = new DrillRun("r6-bad-target", Plan, 1, "{}", "schedule", Day.AddDays(-1)) { Status = RunStatus.TornDown, Verdict = Verdict.Pass, RtoSeconds = 60, RpoSeconds = 30 };
        await History(run.RunId, run.StartedAt, "TornDown", "PASS");
        await Put(RunsTableKeys.Run(run.RunId), RunsTableKeys.RunHeader, new() { [RunsTableKeys.Document] = new() { S = JsonSerializer.Serialize(run, DrillJson.Default.DrillRun) } });
        await Put(RunsTableKeys.Run(run.RunId), RunsTableKeys.Target("orders"), new() { [RunsTableKeys.Document] = new() { S = "[]" } });
    }

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task History_ListsTheReadableRuns_AndNamesEachUnreadableOne()
    {
        var (exitCode, output, diagnostics) = await RunAsync("history", "--plan", Plan);

        Assert.Equal(0, exitCode);
        Assert.Contains("r6-bad-target", output, StringComparison.Ordinal);
        foreach (var (run, why) in new[] { ("r1-unknown-verdict", "verdict 'MAYBE'"), ("r2-bad-key", "holds no start time"), ("r3-not-json", "cannot be read"), ("r4-no-document", "no 'doc' attribute"), ("r5-wrong-types", "cannot be read") })
        {
            Assert.Contains(diagnostics.Split('\n'), line => line.Contains(run, StringComparison.Ordinal) && line.Contains(why, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task HistoryJson_IsOneDocumentWithTheUnreadableRunsMarked()
    {
        var (exitCode, output, _) = await RunAsync("history", "--plan", Plan, "--json");

        Assert.Equal(0, exitCode);
        var runs = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(6, runs.Count);
        Assert.Equal(5, runs.Count(r => r!["unreadable"] is not null));
    }

    [Fact]
    public async Task Status_OfAnUnreadableRun_SaysSoWithoutCrashing()
    {
        var (exitCode, output, _) = await RunAsync("status", "r3-not-json");

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot be read", output, StringComparison.Ordinal);
        Assert.Contains("pk=RUN#r3-not-json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OfARunWithAnUnreadableTarget_ShowsTheTargetAsUnreadable()
    {
        var (exitCode, output, _) = await RunAsync("status", "r6-bad-target", "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains("record cannot be read", output, StringComparison.Ordinal);
        Assert.Contains("RunRecordUnreadable", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    public async Task Report_ListsUnreadableRunsAmongTheFailures_AndCarriesOn(string format)
    {
        var file = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.{format}");

        var (exitCode, _, diagnostics) = await RunAsync("report", "--plan", Plan, "--since", "3650d", "--format", format, "--out", file);

        Assert.True(exitCode == 0, diagnostics);
        var text = await File.ReadAllTextAsync(file);
        if (format == "csv")
        {
            Assert.Contains("r6-bad-target", text, StringComparison.Ordinal); // one row per readable drill
        }
        else
        {
            Assert.Contains("r3-not-json", text, StringComparison.Ordinal);
            Assert.Contains("cannot be read", text, StringComparison.Ordinal);
        }
    }

    private Task<(int ExitCode, string Out, string Diagnostics)> RunAsync(params string[] args) =>
        CliHarness.RunAsync([.. args, "--table", LocalDrillEnvironment.RunsTableName, "--endpoint", _local.StandIn.Url.ToString()]);

    private Task History(string runId, DateTimeOffset startedAt, string status, string verdict) =>
        Put(RunsTableKeys.PlanRuns(Plan), $"{startedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}#{runId}", new()
        {
            ["runId"] = new() { S = runId },
            ["status"] = new() { S = status },
            ["verdict"] = new() { S = verdict },
        });

    private Task Put(string pk, string sk, Dictionary<string, AttributeValue> attributes)
    {
        attributes[RunsTableKeys.PartitionKeyName] = new() { S = pk };
        attributes[RunsTableKeys.SortKeyName] = new() { S = sk };
        return _local.DynamoDb.PutItemAsync(new PutItemRequest { TableName = LocalDrillEnvironment.RunsTableName, Item = attributes });
    }
}
