using System.Text.Json;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Hosting;
using DrillRunner.Local.Processes;

namespace DrillRunner.Local;

/// <summary>
/// Local mode that keeps its data on disk between commands (by default in the git-ignored
/// .drill/local of the clone): tables, backups, runs and plans, and the demo shop's settings, so
/// that several local drills build up a history for status, history and report.
/// </summary>
public sealed class LocalStore : IAsyncDisposable
{
    private const string DemoSettingsFile = "demo.json";
    private readonly DemoShopApp? _shop;

    private LocalStore(LocalDrillEnvironment environment, DemoShopApp? shop)
    {
        Environment = environment;
        _shop = shop;
    }

    public LocalDrillEnvironment Environment { get; }

    public static string DefaultDirectory => Path.Combine(RepoPaths.Root, ".drill", "local");

    /// <summary>Opens the store; starts the demo shop app on its recorded port if the demo was set up with the app up.</summary>
    public static async Task<LocalStore> OpenAsync(string directory, TimeProvider time, CancellationToken cancellationToken)
    {
        LocalDrillEnvironment environment;
        try
        {
            environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken, directory);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("LOCK", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The local store {directory} is in use by another drill command; wait for it to finish.", ex);
        }

        await EndAbandonedRunsAsync(environment, cancellationToken);
        var settings = ReadSettings(directory);
        if (settings is not null)
        {
            DemoSetup.SeedWorld(environment);
        }

        if (settings?.EstateSeededAt is { } seededAt)
        {
            // The local AWS world and S3 live in this process only: the estate's part there is seeded again, with the same ages.
            CoverageEstate.SeedWorld(environment, seededAt);
        }

        DemoShopApp? shop = null;
        if (settings is { AppUp: true })
        {
            shop = await DemoShopApp.StartAsync(environment.DynamoDb, cancellationToken, settings.ShopPort);
        }

        return new LocalStore(environment, shop);
    }

    /// <summary>What a run abandoned by a stopped local command is told it ended with.</summary>
    public const string LocalRunnerStopped = "ABORTED (the local runner stopped)";

    /// <summary>
    /// Locally the drill runs inside the command that asked for it, and the store admits one command
    /// at a time: a run still open when the store is opened belongs to a command that is gone (killed,
    /// or its machine stopped). End it as AWS would a stopped execution, then sweep what it left.
    /// </summary>
    private static async Task EndAbandonedRunsAsync(LocalDrillEnvironment environment, CancellationToken cancellationToken)
    {
        var open = await environment.OpenRunsAsync(cancellationToken);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in open.Where(r => r.ExecutionId is not null))
        {
            var ended = await environment.EndExecutionAsync(run.ExecutionId!, LocalRunnerStopped, cancellationToken);
            if (ended.Marked && Core.Plans.PlanReader.Read(run.PlanJson).Plan?.ScratchPrefix is { Length: > 0 } prefix)
            {
                prefixes.Add(prefix);
            }
        }

        foreach (var prefix in prefixes)
        {
            await environment.RunJanitorAsync(prefix, cancellationToken);
        }
    }

    /// <summary>Seeds the demo shop and its plan into a fresh store, for the given scenario.</summary>
    public static async Task SetUpDemoAsync(string directory, DemoScenario scenario, TimeProvider time, Action<string> progress, CancellationToken cancellationToken)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new InvalidOperationException($"The local store {directory} already has data. Fix: run `drill local reset` first.");
        }

        await using var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken, directory);
        var settings = new DemoSettings(LoopbackPorts.Free(), scenario.Name != "app-down", scenario.Name);
        await DemoSetup.PrepareAsync(environment, scenario, new Uri($"http://127.0.0.1:{settings.ShopPort}"), time, progress, cancellationToken);
        settings = settings with { EstateSeededAt = await CoverageEstate.SeedAsync(environment, time, progress, cancellationToken) };
        await File.WriteAllTextAsync(Path.Combine(directory, DemoSettingsFile), JsonSerializer.Serialize(settings), cancellationToken);
    }

    /// <summary>Deletes the store; refuses a folder that does not look like one.</summary>
    public static bool Reset(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return false;
        }

        if (!File.Exists(Path.Combine(directory, "standin.json")) && !Directory.Exists(Path.Combine(directory, "dynalite")))
        {
            throw new InvalidOperationException($"{directory} does not look like a local drill store (no standin.json or dynalite/); not deleting it.");
        }

        Directory.Delete(directory, recursive: true);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_shop is not null)
        {
            await _shop.DisposeAsync();
        }

        await Environment.DisposeAsync();
    }

    private static DemoSettings? ReadSettings(string directory)
    {
        var file = Path.Combine(directory, DemoSettingsFile);
        return File.Exists(file) ? JsonSerializer.Deserialize<DemoSettings>(File.ReadAllText(file)) : null;
    }

    /// <param name="EstateSeededAt">When the coverage estate was seeded (its recovery points' ages count from then).</param>
    private sealed record DemoSettings(int ShopPort, bool AppUp, string Scenario, DateTimeOffset? EstateSeededAt = null);
}
