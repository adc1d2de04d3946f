namespace DrillRunner.Cli.Tests;

/// <summary>
/// A local store as docs/local-mode.md's walk-through leaves it, and the HTML report of it: the demo
/// shop and the coverage estate set up and audited (findings of every kind), and a synthetic history
/// of three plans.
/// </summary>
public sealed class SeededEstateFixture : IAsyncLifetime
{
    public string Data { get; } = Path.Combine(Path.GetTempPath(), $"drill-estate-{Guid.NewGuid():N}");

    public string Report => Path.Combine(Data, "report.html");

    public async Task InitializeAsync()
    {
        string[][] steps = [["local", "setup"], ["coverage", "--local", "--now", "--wait"], ["local", "seed-history"], ["report", "--all", "--local", "--format", "html", "--out", Report]];
        foreach (var step in steps)
        {
            var (exitCode, _, diagnostics) = await CliHarness.RunAsync([.. step, "--data", Data]);
            // The audit exits 1: the estate is seeded with something to find.
            Assert.True(exitCode == 0 || step[0] == "coverage", $"{string.Join(' ', step)} exited {exitCode}: {diagnostics}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Data, recursive: true);
        return Task.CompletedTask;
    }
}
