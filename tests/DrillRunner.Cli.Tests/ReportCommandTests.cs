using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrillRunner.Cli.Tests.Browser;
using DrillRunner.Core.Runs;
using DrillRunner.Local;
using DrillRunner.Local.Demo;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// The report over a recorded history (three plans, passes and failures, one stale), in every
/// format; figures are recomputed here from the seeded runs, not taken from the report code.
/// </summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"drill-report-{Guid.NewGuid():N}");
    private List<(string Plan, DrillRun Run)> _history = [];

    public async Task InitializeAsync()
    {
        await using var store = await LocalStore.OpenAsync(_data, TimeProvider.System, "a test", default);
        var services = store.Environment.Services;
        await HistorySeeder.SeedAsync(services.Plans, services.Runs, plans: 5, weeks: 20, TimeProvider.System.GetUtcNow(), default);
        foreach (var plan in await services.Plans.ListNamesAsync(default))
        {
            foreach (var summary in await services.Runs.HistoryAsync(plan, TimeProvider.System.GetUtcNow().AddDays(-90), int.MaxValue, default))
            {
                _history.Add((plan, await services.Runs.GetAsync(summary.RunId, default)));
            }
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Csv_HasOneRowPerDrillInTheWindowWithItsNumbers()
    {
        var csv = (await Report("csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("plan,run_id,started_at_utc,verdict,rto_seconds,rpo_seconds,rto_objective_seconds,rpo_objective_seconds,reason,common_instant_utc,largest_skew_seconds,rpo_not_judged,relations_not_held", csv[0]);
        Assert.Equal(_history.Count, csv.Length - 1);
        var (plan, run) = _history.First(h => h.Run.Verdict == Verdict.FailObjective);
        var row = Assert.Single(csv, line => line.Contains(run.RunId, StringComparison.Ordinal));
        Assert.StartsWith($"{plan},{run.RunId},", row, StringComparison.Ordinal);
        Assert.Contains($",FAIL_OBJECTIVE,{run.RtoSeconds!.Value.ToString(CultureInfo.InvariantCulture)},{run.RpoSeconds!.Value.ToString(CultureInfo.InvariantCulture)},3600,900,", row, StringComparison.Ordinal);

        // A drill to no common instant, judged on its newest points: the instant and skew cells are empty, RPO judged.
        Assert.EndsWith(",,,false,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_ShowsPassRateAndStalenessPerPlan()
    {
        var md = await Report("md");

        foreach (var plan in _history.Select(h => h.Plan).Distinct())
        {
            var runs = _history.Where(h => h.Plan == plan).ToList();
            var passes = runs.Count(h => h.Run.Verdict == Verdict.Pass);
            var rate = Math.Round(100.0 * passes / runs.Count).ToString(CultureInfo.InvariantCulture);
            Assert.Contains($"{rate}% ({passes}/{runs.Count})", md, StringComparison.Ordinal);
        }

        var staleRow = Assert.Single(md.Split('\n'), l => l.StartsWith("| history-05 |", StringComparison.Ordinal));
        Assert.Contains("(stale)", staleRow, StringComparison.Ordinal);
        Assert.Contains("| **no** |", staleRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_ShowsEveryPlansCost_AndItsLatestDrillsRunbookGapPerTarget()
    {
        var md = await Report("md");

        Assert.All(_history, h => Assert.NotNull(h.Run.Cost));
        foreach (var plan in _history.Select(h => h.Plan).Distinct())
        {
            var section = md[md.IndexOf($"## {plan}", StringComparison.Ordinal)..];
            section = section.IndexOf("\n## ", 1, StringComparison.Ordinal) is var end and > 0 ? section[..end] : section;
            var mean = _history.Where(h => h.Plan == plan).Average(h => h.Run.Cost!.RunnerUsd + h.Run.Cost.RestoreAndCheckUsd);
            Assert.Contains($"Cost (estimate): ${mean.ToString(mean >= 1 ? "0.00" : "0.0000", CultureInfo.InvariantCulture)} per drill", section, StringComparison.Ordinal);
            var latest = _history.Where(h => h.Plan == plan).MaxBy(h => h.Run.StartedAt).Run;
            foreach (var target in HistorySeeder.TargetIds)
            {
                var failed = latest.Verdict == Verdict.Fail && target == HistorySeeder.TargetIds[0];
                Assert.Contains(failed ? $"- Runbook gap, {target}: not recorded for the latest drill" : $"- Runbook gap, {target}: after a restore of {target}-prod you must re-enable: ", section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Json_CarriesPercentilesComputedIndependently()
    {
        using var json = JsonDocument.Parse(await Report("json"));
        var plan = json.RootElement.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("report").GetProperty("planName").GetString() == "history-02");
        var rtos = _history.Where(h => h.Plan == "history-02" && h.Run.RtoSeconds is not null).Select(h => h.Run.RtoSeconds!.Value).Order().ToList();

        Assert.Equal(rtos[(int)Math.Ceiling(0.5 * rtos.Count) - 1], plan.GetProperty("report").GetProperty("rtoP50Seconds").GetDouble());
        Assert.Equal(rtos[(int)Math.Ceiling(0.95 * rtos.Count) - 1], plan.GetProperty("report").GetProperty("rtoP95Seconds").GetDouble());
        Assert.Equal(_history.Where(h => h.Plan == "history-02").Max(h => h.Run.RpoSeconds ?? 0), plan.GetProperty("report").GetProperty("worstRpoSeconds").GetDouble());
    }

    [Fact]
    public async Task Html_RendersInChromiumWithOnePointPerMeasuredDrillAndNoConsoleErrors()
    {
        var file = Path.Combine(_data, "report.html");
        Assert.Equal(0, (await CliHarness.RunAsync("report", "--local", "--data", _data, "--format", "html", "--out", file)).ExitCode);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//"), await File.ReadAllTextAsync(file));

        await using var browser = await ReportBrowser.LaunchAsync();
        var report = await browser.OpenAsync(file);
        var screenshot = ReportBrowser.Artefact("report.png");
        await report.Page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        var dom = await report.Page.ContentAsync();

        Assert.Equal("yes", await report.Page.GetAttributeAsync("html", "data-ready"));
        Assert.Empty(report.ConsoleErrors);
        Assert.Empty(report.Fetches);
        foreach (var plan in _history.Select(h => h.Plan).Distinct())
        {
            var runs = _history.Where(h => h.Plan == plan).Select(h => h.Run).ToList();
            Assert.Equal(runs.Count(r => r.RtoSeconds is not null), PointsIn(dom, $"rto-chart-{plan}"));
            Assert.Equal(runs.Count(r => r.RpoSeconds is not null), PointsIn(dom, $"rpo-chart-{plan}"));
        }

        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show a rendered page");
    }

    [Theory]
    [InlineData("report --format html")]
    [InlineData("history")]
    public async Task APlanThatIsNotStored_IsAnErrorNamingTheStoredPlans(string command)
    {
        var (exitCode, output, diagnostics) = await CliHarness.RunAsync([.. command.Split(' '), "--plan", "nope", "--local", "--data", _data]);

        Assert.Equal(2, exitCode);
        Assert.Contains("no plan named 'nope'; stored plans: history-01, history-02, history-03, history-04, history-05", diagnostics, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [InlineData("report --format html")]
    [InlineData("history")]
    public async Task APlanNamedInAStoreWithNoPlans_IsAnErrorSayingHowToStoreOne(string command)
    {
        var empty = Path.Combine(Path.GetTempPath(), $"drill-report-empty-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, _, diagnostics) = await CliHarness.RunAsync([.. command.Split(' '), "--plan", "nope", "--local", "--data", empty]);

            Assert.Equal(2, exitCode);
            Assert.Contains("no plan named 'nope', and no plans are stored", diagnostics, StringComparison.Ordinal);
            Assert.Contains("drill plan apply FILE", diagnostics, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private async Task<string> Report(string format)
    {
        var (exitCode, output, diagnostics) = await CliHarness.RunAsync("report", "--local", "--data", _data, "--format", format);
        Assert.True(exitCode == 0, diagnostics);
        return output;
    }

    private static int PointsIn(string dom, string chartId)
    {
        var start = dom.IndexOf($"id=\"{chartId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"chart {chartId} is missing");
        var end = dom.IndexOf("</svg>", start, StringComparison.Ordinal);
        return Regex.Matches(dom[start..end], "<circle class=\"point ").Count;
    }
}
