using System.Text.Json;

namespace DrillRunner.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_UnknownScenario_IsAUsageErrorNamingTheScenarios()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync("demo", "--scenario", "meteor");

        Assert.Equal(2, exitCode);
        Assert.Contains("slow-restore", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoJson_StdoutIsExactlyOneRunRecord_AndTheExitCodeIsTheVerdict()
    {
        var (exitCode, stdout, stderr) = await CliHarness.RunProcessAsync("demo", "--scenario", "no-backups", "--json");

        Assert.True(exitCode == 1, stderr);
        using var document = JsonDocument.Parse(stdout);
        var record = document.RootElement;
        Assert.Equal("FAIL", record.GetProperty("verdict").GetString());
        Assert.Contains("no recovery point", record.GetProperty("verdictReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, record.GetProperty("scratchResourcesLeft").GetInt32());
        Assert.Equal(2, record.GetProperty("targets").GetArrayLength());
        Assert.True(record.TryGetProperty("startedAt", out _));
        Assert.Contains("scenario no-backups", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_Healthy_PrintsPassWithRtoAndRpo()
    {
        var (exitCode, output, progress) = await CliHarness.RunAsync("demo");

        Assert.Equal(0, exitCode);

        // Progress speaks the drill's language (the run record's stages), not the state machine's internals.
        Assert.Contains("orders       Restoring", progress, StringComparison.Ordinal);
        Assert.Contains("shop-customers Verified", progress, StringComparison.Ordinal);
        foreach (var internalName in new[] { "__Item", "ReadsScaling", "RouteTarget", "AfterRunbookGap", "DrillPassed" })
        {
            Assert.DoesNotContain(internalName, progress, StringComparison.Ordinal);
        }

        Assert.Contains("PASS", output, StringComparison.Ordinal);
        Assert.Contains("RTO (T0 → healthy)", output, StringComparison.Ordinal);
        Assert.Contains("RPO (T0 − recovery point)", output, StringComparison.Ordinal);
        Assert.Contains("no scratch resource left behind", output, StringComparison.Ordinal);

        // What the plan's "select" rule found when the drill began.
        Assert.Contains("Selected when the run began: 1 target(s) by 1 rule(s), 1 left out", output, StringComparison.Ordinal);
        Assert.Contains("rule shop: dynamodb; tags app=shop", output, StringComparison.Ordinal);
    }
}
