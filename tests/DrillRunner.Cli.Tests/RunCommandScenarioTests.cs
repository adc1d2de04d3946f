namespace DrillRunner.Cli.Tests;

/// <summary>
/// The release gate end to end on the local stand-in: `local setup --scenario`, then
/// `run --local --wait`, whose exit code must be the verdict's.
/// </summary>
public sealed class RunCommandScenarioTests
{
    [Theory]
    [InlineData("healthy", 0, "PASS")]
    [InlineData("no-backups", 1, "FAIL")]
    [InlineData("restore-fails", 1, "FAIL")]
    [InlineData("data-loss", 1, "FAIL")]
    [InlineData("app-down", 1, "FAIL")]
    public async Task RunWait_ExitCodeIsTheScenariosVerdict(string scenario, int exitCode, string verdict)
    {
        var (code, output) = await LocalGate.RunAsync(scenario);

        Assert.Equal(exitCode, code);
        Assert.Contains($"{verdict}  plan demo-shop", output, StringComparison.Ordinal);
        if (scenario == "healthy")
        {
            // The runbook gap, printed per target: the store's reopened world still answers the orders table's auto scaling.
            Assert.Contains("runbook gap orders: after a restore of shop-orders you must re-enable: TTL on expiresAt, the stream (NEW_IMAGE), PITR, deletion protection, 6 tags", output, StringComparison.Ordinal);
            Assert.Contains("2 auto-scaling policies", output, StringComparison.Ordinal);
        }
    }
}

public sealed class SlowRestoreRunCommandTests
{
    [Fact]
    public async Task RunWait_SlowRestore_ExitsOneWithFailObjective()
    {
        var (code, output) = await LocalGate.RunAsync("slow-restore");

        Assert.Equal(1, code);
        Assert.Contains("FAIL_OBJECTIVE  plan demo-shop", output, StringComparison.Ordinal);
    }
}

public sealed class RunCommandTimeoutTests
{
    [Fact]
    public async Task RunWait_ShorterTimeoutThanTheDrill_ExitsThreeAndTheDrillStillEnds()
    {
        var data = LocalGate.NewDataDirectory();
        // The healthy drill takes longer than 5 s (restores, verification, health checks, teardown),
        // and is quicker to wait for than the slow-restore scenario, which CI already runs elsewhere.
        Assert.Equal(0, (await CliHarness.RunAsync("local", "setup", "--scenario", "healthy", "--data", data)).ExitCode);

        var (code, _, diagnostics) = await CliHarness.RunAsync("run", "--local", "--data", data, "--plan", "demo-shop", "--reason", "gate", "--wait", "--timeout", "5s");
        var history = await CliHarness.RunAsync("history", "--local", "--data", data, "--plan", "demo-shop", "--json");

        Assert.Equal(3, code);
        Assert.Contains("timed out", diagnostics, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"PASS\"", history.Out, StringComparison.Ordinal);
    }
}

internal static class LocalGate
{
    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"drill-store-{Guid.NewGuid():N}");

    public static async Task<(int ExitCode, string Output)> RunAsync(string scenario)
    {
        var data = NewDataDirectory();
        try
        {
            var setup = await CliHarness.RunAsync("local", "setup", "--scenario", scenario, "--data", data);
            Assert.True(setup.ExitCode == 0, setup.Diagnostics);
            var (exitCode, output, _) = await CliHarness.RunAsync("run", "--local", "--data", data, "--plan", "demo-shop", "--reason", "release 4.2", "--wait");
            return (exitCode, output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
