using System.Text.RegularExpressions;
using DrillFunctions;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

public sealed class FreshnessTests
{
    [Fact]
    public async Task Freshness_EmitsHoursSinceEachPlansLastPass_FromTheRunsTable()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        await HistorySeeder.SeedAsync(local.Services.Plans, local.Services.Runs, plans: 5, weeks: 4, now, default);

        await new DrillFreshnessFunction(local.Services).Handle(new MemoryStream());

        var hours = Regex.Matches(local.FunctionLog, "\"Plan\":\"(?<plan>[^\"]+)\",\"HoursSinceLastPass\":(?<hours>[0-9.]+)")
            .ToDictionary(m => m.Groups["plan"].Value, m => double.Parse(m.Groups["hours"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5, hours.Count);
        foreach (var (plan, measured) in hours)
        {
            var lastPass = (await local.Services.Runs.HistoryAsync(plan, null, 100, default)).First(r => r.Verdict == Core.Runs.Verdict.Pass).StartedAt;
            Assert.Equal((TimeProvider.System.GetUtcNow() - lastPass).TotalHours, measured, 0.1);
        }

        Assert.True(hours["history-05"] > 192, "the seeded stale plan must read as stale");
    }
}
