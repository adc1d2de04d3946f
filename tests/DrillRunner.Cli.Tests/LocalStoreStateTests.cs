using DrillRunner.Local;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Processes;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// A local store that another command holds, or that is damaged, says which and what to do; read-only
/// commands work while a drill holds it, and a held plan answers as the README documents (exit 1).
/// </summary>
public sealed class LocalStoreStateTests(SetUpStoreFixture setUp) : IClassFixture<SetUpStoreFixture>, IDisposable
{
    private readonly List<string> _copies = [];

    [Fact]
    public async Task WhileADrillHoldsTheStore_ReadsWork_AHeldPlanIsExitOne_AndChangesSayWhoHoldsIt()
    {
        var store = setUp.Copy();
        await using (var holder = await LocalStore.OpenAsync(store, TimeProvider.System, "drill run --local --plan demo-shop", default))
        {
            var now = TimeProvider.System.GetUtcNow();
            Assert.Null(await holder.Environment.Services.Runs.TryLockPlanAsync(DemoPlan.Name, "20261203-090000-held", now, now.AddHours(1), default));

            var history = await CliHarness.RunAsync("history", "--local", "--data", store, "--plan", DemoPlan.Name);
            var status = await CliHarness.RunAsync("status", "--local", "--data", store, "--request", "no-such-request");
            var held = await CliHarness.RunAsync("run", "--local", "--data", store, "--plan", DemoPlan.Name, "--reason", "second", "--wait");
            var other = await CliHarness.RunAsync("run", "--local", "--data", store, "--plan", CoverageEstate.BillingPlan, "--reason", "other", "--wait");
            var setup = await CliHarness.RunAsync("local", "setup", "--data", store);
            var reset = await CliHarness.RunAsync("local", "reset", "--data", store);

            Assert.True(history.ExitCode == ExitCodes.Pass, history.Diagnostics);
            Assert.Contains("read through `drill run --local --plan demo-shop`", history.Out, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.UsageOrConfiguration, status.ExitCode);
            Assert.Contains("no request 'no-such-request'", status.Diagnostics, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.NotPass, held.ExitCode);
            Assert.Contains("is being drilled by run 20261203-090000-held", held.Diagnostics, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.NotPass, other.ExitCode);
            Assert.Contains($"in use by `drill run --local --plan demo-shop` (pid {Environment.ProcessId}) since", other.Diagnostics, StringComparison.Ordinal);
            foreach (var change in new[] { setup, reset })
            {
                Assert.Equal(ExitCodes.UsageOrConfiguration, change.ExitCode);
                Assert.Contains($"is in use by `drill run --local --plan demo-shop` (pid {Environment.ProcessId}) since", change.Diagnostics, StringComparison.Ordinal);
                Assert.DoesNotContain("damaged", change.Diagnostics, StringComparison.Ordinal);
            }
        }

        // The holder has ended: the next command holds the store itself.
        var after = await CliHarness.RunAsync("history", "--local", "--data", store, "--plan", DemoPlan.Name);
        Assert.True(after.ExitCode == ExitCodes.Pass, after.Diagnostics);
        Assert.DoesNotContain("read through", after.Out, StringComparison.Ordinal);
        Assert.True(Directory.Exists(store));
    }

    [Theory]
    [InlineData("dynalite/CURRENT", "{not what it should be", "CURRENT: Corruption: CURRENT file does not end with newline")]
    [InlineData("dynalite/CURRENT", "MANIFEST-999999\n", "CURRENT: CURRENT names")]
    [InlineData("standin.json", "{not what it should be", "standin.json: not the stand-in's JSON")]
    [InlineData("demo.json", "{not what it should be", "demo.json: not the demo's settings")]
    public async Task ADamagedFile_IsNamedWithTheFix_NotCalledInUse(string file, string content, string expected)
    {
        var copy = Copy();
        await File.WriteAllTextAsync(Path.Combine(copy, file), content);

        var (exitCode, _, wrapped) = await CliHarness.RunAsync("history", "--local", "--data", copy, "--plan", DemoPlan.Name);
        var diagnostics = Said(wrapped);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains($"The local store {copy} is damaged", diagnostics, StringComparison.Ordinal);
        Assert.Contains(expected, diagnostics, StringComparison.Ordinal);
        Assert.Contains($"`drill local reset --data {copy}`", diagnostics, StringComparison.Ordinal);
        Assert.Contains("move", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("in use", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DamagedTableFiles_FoundWhenDynaliteFirstReadsThem_AreReportedAsDamage()
    {
        var copy = Copy();
        foreach (var table in Directory.EnumerateFiles(Path.Combine(copy, "dynalite"), "*.ldb"))
        {
            await using var file = new FileStream(table, FileMode.Open, FileAccess.Write);
            file.Seek(100, SeekOrigin.Begin);
            await file.WriteAsync(new byte[64].Select(_ => (byte)'X').ToArray());
        }

        var (exitCode, _, wrapped) = await CliHarness.RunAsync("history", "--local", "--data", copy, "--plan", DemoPlan.Name);
        var diagnostics = Said(wrapped);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("is damaged", diagnostics, StringComparison.Ordinal);
        Assert.Contains("Corruption", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("in use", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderHeldByAnotherProgram_IsSaidToBeSo()
    {
        var copy = Copy();
        await using var foreign = await DynaliteProcess.StartAsync(Path.Combine(copy, "dynalite"), default);

        var (exitCode, _, wrapped) = await CliHarness.RunAsync("history", "--local", "--data", copy, "--plan", DemoPlan.Name);
        var diagnostics = Said(wrapped);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("is held by a process that is not a drill command", diagnostics, StringComparison.Ordinal);
        Assert.Contains("LOCK", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnAnEmptyStore_SaysToSetItUp()
    {
        var empty = LocalGate.NewDataDirectory();
        _copies.Add(empty);

        var (exitCode, _, wrapped) = await CliHarness.RunAsync("run", "--local", "--data", empty, "--plan", DemoPlan.Name, "--reason", "first try", "--wait");
        var diagnostics = Said(wrapped);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("has no plans yet. Fix: `drill local setup --data", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedHistoryTwice_SaysItIsSeededOnceAndHowToSeedAgain()
    {
        var empty = LocalGate.NewDataDirectory();
        _copies.Add(empty);
        Assert.Equal(ExitCodes.Pass, (await CliHarness.RunAsync("local", "seed-history", "--plans", "1", "--weeks", "2", "--data", empty)).ExitCode);

        var (exitCode, _, wrapped) = await CliHarness.RunAsync("local", "seed-history", "--plans", "1", "--weeks", "2", "--data", empty);
        var diagnostics = Said(wrapped);

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("already has a seeded history", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("conditional request failed", diagnostics, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AwsModeWithNoRegion_SaysHowToSetOne()
    {
        var home = LocalGate.NewDataDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_PROFILE"] = null,
            ["HOME"] = home,
            ["AWS_CONFIG_FILE"] = Path.Combine(home, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };

        var (exitCode, _, stderr) = await CliHarness.RunProcessAsync(environment, "history", "--plan", "prod", "--table", "drill-runs");

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("No AWS region is configured", stderr, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", stderr, StringComparison.Ordinal);
    }

    /// <summary>Messages wrap at the console's width: read the words, not the line breaks.</summary>
    private static string Said(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>A copy of the set-up store, for a test to damage or hold.</summary>
    private string Copy() => setUp.Copy();

    public void Dispose()
    {
        foreach (var directory in _copies.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
