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

        var settings = ReadSettings(directory);
        DemoShopApp? shop = null;
        if (settings is { AppUp: true })
        {
            shop = await DemoShopApp.StartAsync(environment.DynamoDb, cancellationToken, settings.ShopPort);
        }

        return new LocalStore(environment, shop);
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

    private sealed record DemoSettings(int ShopPort, bool AppUp, string Scenario);
}
