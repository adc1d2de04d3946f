using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// The release gate end to end on the local stand-in: `local setup --scenario`, then
/// `run --local --wait`, whose exit code must be the verdict's.
/// </summary>
public sealed class RunCommandScenarioTests
{
    [Theory]
    [InlineData(DemoScenario.Healthy)]
    [InlineData(DemoScenario.NoBackups)]
    [InlineData(DemoScenario.RestoreFails)]
    [InlineData(DemoScenario.DataLoss)]
    [InlineData(DemoScenario.AppDown)]
    [InlineData(DemoScenario.Estate)]
    public async Task EveryScenarioLocalSetupAccepts_DrillsToItsDemosVerdict(string name)
    {
        var scenario = DemoScenario.Find(name)!;

        var (code, output) = await LocalGate.RunAsync(name);

        Assert.Equal(scenario.ExpectedVerdict == Verdict.Pass ? 0 : 1, code);
        Assert.Contains($"{VerdictNames.Of(scenario.ExpectedVerdict)}  plan demo-shop", output, StringComparison.Ordinal);
        Assert.Contains("no scratch resource left behind", output, StringComparison.Ordinal);
        switch (name)
        {
            case DemoScenario.Healthy:
                // The runbook gap, printed per target: the store's reopened world still answers the orders table's auto scaling.
                Assert.Contains("runbook gap orders: after a restore of shop-orders you must re-enable: TTL on expiresAt, the stream (NEW_IMAGE), PITR, deletion protection, 7 tags", output, StringComparison.Ordinal);
                Assert.Contains("2 auto-scaling policies", output, StringComparison.Ordinal);
                break;
            case DemoScenario.Estate:
                // The store's reopened world is the scenario's: every invoice, a database that answers, fresh recovery points.
                Assert.Contains("1,200 objects", output, StringComparison.Ordinal);
                Assert.Contains("all 4 target(s) restored, verified and healthy", output, StringComparison.Ordinal);
                Assert.Contains("verifier drill-verify-billing passed", output, StringComparison.Ordinal);
                break;
            case DemoScenario.RestoreFails:
                Assert.Contains("orders: the restore of shop-orders into drill-", output, StringComparison.Ordinal);
                Assert.DoesNotContain("orders: shop-orders restored into", output, StringComparison.Ordinal);
                break;
        }
    }
}

public sealed class SlowRestoreRunCommandTests
{
    /// <summary>
    /// Setup and drill share a clock three times as fast as the wall's: the stand-in holds each restore
    /// for the RTO objective plus 5 s of that clock and the run records its times from it, so the breach
    /// holds by construction while the wait (and the polls made during it) shrink from 35 s to 12 s.
    /// </summary>
    private const double ClockScale = 3;

    [Fact]
    public async Task RunWait_SlowRestore_ExitsOneWithFailObjective()
    {
        var time = new DrillRunner.Local.Scale.ScaledTimeProvider(ClockScale);
        var data = LocalGate.NewDataDirectory();
        try
        {
            var setup = await CliHarness.RunAsync(time, false, "local", "setup", "--scenario", DemoScenario.SlowRestore, "--data", data);
            Assert.True(setup.ExitCode == 0, setup.Diagnostics);
            var (code, output, _) = await CliHarness.RunAsync(time, false, "run", "--local", "--data", data, "--plan", "demo-shop", "--reason", "release 4.2", "--wait");

            Assert.Equal(1, code);
            Assert.Contains("FAIL_OBJECTIVE  plan demo-shop", output, StringComparison.Ordinal);

            // The breach is the restores', which the store kept slow: even the 500 customers' were ready only after the objective had passed.
            await using var store = await DrillRunner.Local.LocalStore.OpenAsync(data, time, "a test", default);
            var runs = store.Environment.Services.Runs;
            var run = await runs.GetAsync((await runs.HistoryAsync(DemoPlan.Name, null, 1, default)).Single().RunId, default);
            var targets = await runs.GetTargetsAsync(run.RunId, default);
            Assert.Equal(2, targets.Count);
            Assert.All(targets, t => Assert.True(t.RestoreCompletedAt - run.StartedAt > TimeSpan.FromMinutes(DemoPlan.RtoMinutes), $"{t.TargetId}: restore complete {t.RestoreCompletedAt - run.StartedAt} after T0"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
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
        // The drill went on after the waiter gave up, and concluded. Its verdict is PASS on an idle machine; the demo's
        // 30 s RTO objective is wall time, which a saturated machine can exceed (FAIL_OBJECTIVE): either way it ended.
        Assert.Matches("\"verdict\": \"(PASS|FAIL_OBJECTIVE)\"", history.Out);
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
