using System.Text.Json;
using DrillRunner.Core.Drills.Contracts;

namespace DrillFunctions.Tests;

public sealed class EmbeddedMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ConclusionMetrics_AreEmfWithRtoRpoAndPassedByPlan()
    {
        var conclusion = new Conclusion("run-1", "prod", "FAIL_OBJECTIVE", "RTO breached", 5400, 300, 3600, 900, true, null, "s", "m");

        using var line = JsonDocument.Parse(ConcludeDrillFunction.MetricsLine(conclusion, At));
        var root = line.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];

        Assert.Equal(At.ToUnixTimeMilliseconds(), root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.Equal("DrillRunner", directive.GetProperty("Namespace").GetString());
        Assert.Equal("Plan", directive.GetProperty("Dimensions")[0][0].GetString());
        Assert.Equal(["DrillPassed", "RpoOverObjective", "RpoSeconds", "RtoOverObjective", "RtoSeconds"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()).Order());
        Assert.Equal(["Count", "Count", "Seconds", "Count", "Seconds"], directive.GetProperty("Metrics").EnumerateArray().OrderBy(m => m.GetProperty("Name").GetString()).Select(m => m.GetProperty("Unit").GetString()));
        Assert.Equal("prod", root.GetProperty("Plan").GetString());
        Assert.Equal(0, root.GetProperty("DrillPassed").GetDouble());
        Assert.Equal(5400, root.GetProperty("RtoSeconds").GetDouble());
        Assert.Equal(300, root.GetProperty("RpoSeconds").GetDouble());
        Assert.Equal(1, root.GetProperty("RtoOverObjective").GetDouble());
        Assert.Equal(0, root.GetProperty("RpoOverObjective").GetDouble());
        Assert.False(root.TryGetProperty("run-1", out _));
    }

    [Fact]
    public void ConclusionMetrics_WithoutMeasuredNumbers_EmitOnlyDrillPassed()
    {
        var conclusion = new Conclusion("run-1", "prod", "FAIL", "no recovery point", null, null, 3600, 900, true, null, "s", "m");

        using var line = JsonDocument.Parse(ConcludeDrillFunction.MetricsLine(conclusion, At));

        Assert.False(line.RootElement.TryGetProperty("RpoSeconds", out _));
        Assert.Single(line.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray());
    }
}
