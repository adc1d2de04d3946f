using System.Text.Json;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Hosting;
using DrillRunner.Local.Processes;
using DrillRunner.Local.Store;

namespace DrillRunner.Local;

/// <summary>
/// Local mode that keeps its data on disk between commands (by default in the git-ignored
/// .drill/local of the clone): tables, backups, runs and plans, and the demo shop's settings, so
/// that several local drills build up a history for status, history and report. One command holds
/// it at a time (<see cref="LocalStoreLock"/>); others can read through the holder's endpoint.
/// </summary>
public sealed class LocalStore : IAsyncDisposable
{
    private const string DemoSettingsFile = "demo.json";
    private readonly DemoShopApp? _shop;
    private readonly LocalStoreLock _lock;

    private LocalStore(LocalDrillEnvironment environment, DemoShopApp? shop, LocalStoreLock storeLock, string directory)
    {
        Environment = environment;
        _shop = shop;
        _lock = storeLock;
        Directory = directory;
    }

    public LocalDrillEnvironment Environment { get; }

    public string Directory { get; }

    /// <summary>In a clone, .drill/local there (git ignores it); for the installed tool, ~/.drill/local, which outlives the tool's updates.</summary>
    public static string DefaultDirectory => RepoPaths.IsClone
        ? Path.Combine(RepoPaths.Root, ".drill", "local")
        : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".drill", "local");

    /// <summary>" --data DIR" for a store other than the default one, so a command we print acts on this store when pasted.</summary>
    public static string DataOption(string? directory) =>
        directory is null || Path.GetFullPath(directory) == Path.GetFullPath(DefaultDirectory) ? string.Empty : $" --data {directory}";

    /// <summary>What a run abandoned by a stopped local command is told it ended with.</summary>
    public const string LocalRunnerStopped = "ABORTED (the local runner stopped)";

    /// <summary>Opens the store for this command alone; starts the demo shop app on its recorded port if the demo was set up with the app up.</summary>
    /// <param name="command">What this command is, as other terminals are told while it holds the store ("drill run --local …").</param>
    /// <exception cref="LocalStoreInUse">Another command holds the store (its owner says which, since when, and where to read meanwhile).</exception>
    /// <exception cref="LocalStoreDamaged">A file of the store cannot be read.</exception>
    public static async Task<LocalStore> OpenAsync(string directory, TimeProvider time, string command, CancellationToken cancellationToken)
    {
        // Before the folder is made: a command that cannot run local mode leaves nothing that looks like a store.
        RepoPaths.RequireNodeModules();
        var storeLock = TakeLock(directory);
        try
        {
            var settings = ReadSettings(directory);
            var environment = await StartAsync(directory, time, cancellationToken);
            try
            {
                storeLock.Describe(new LocalStoreOwner(System.Environment.ProcessId, command, time.GetUtcNow(), environment.StandIn.Url));
                await EndAbandonedRunsAsync(environment, cancellationToken);
                DemoShopApp? shop = null;
                if (settings is not null)
                {
                    var scenario = DemoScenario.Find(settings.Scenario) ?? throw new LocalStoreDamaged(directory, Path.Combine(directory, DemoSettingsFile), $"names a scenario '{settings.Scenario}' this version does not know ({DemoScenario.DrillNames})");

                    // The local AWS world and S3 live in this process only: the scenario's part is seeded again. Its
                    // recovery points are as fresh as a backup plan that kept running would have them.
                    DemoSetup.SeedWorld(environment, scenario, ShopUrl(settings), time.GetUtcNow());
                    if (settings.EstateSeededAt is { } seededAt)
                    {
                        CoverageEstate.SeedWorld(environment, scenario, seededAt);
                    }

                    if (settings.AppUp)
                    {
                        shop = await DemoShopApp.StartAsync(environment.DynamoDb, cancellationToken, settings.ShopPort);
                    }
                }

                return new LocalStore(environment, shop, storeLock, directory);
            }
            catch
            {
                await environment.DisposeAsync();
                throw;
            }
        }
        catch
        {
            storeLock.Dispose();
            throw;
        }
    }

    /// <summary>What a run is said to have ended with when the command running it was interrupted (Ctrl-C).</summary>
    public const string LocalRunnerInterrupted = "ABORTED (interrupted in the command that ran it)";

    /// <summary>What a run is said to have ended with when its local execution failed outright (its Node worker died).</summary>
    public const string LocalRunnerFailed = "FAILED (the local runner failed)";

    /// <summary>
    /// Ends a run whose execution this command stopped, as AWS ends a stopped execution's run
    /// (ExecutionEnded), then sweeps what it created with the janitor. A restore still in progress
    /// cannot be deleted (DynamoDB refuses a CREATING table), and may not be in the run record yet, so
    /// the janitor sweeps again as restores end, until nothing named for the run is left or
    /// <paramref name="patience"/> has passed.
    /// </summary>
    /// <param name="waiting">Told what is still there each time the sweep waits for it.</param>
    /// <returns>How many scratch resources named for the run are left; null when the run had already ended.</returns>
    public async Task<int?> EndStoppedRunAsync(Core.Runs.DrillRun run, string reason, TimeSpan patience, TimeProvider time, Action<IReadOnlyList<string>> waiting, CancellationToken cancellationToken)
    {
        if (run.ExecutionId is null || !(await Environment.EndExecutionAsync(run.ExecutionId, reason, cancellationToken)).Marked)
        {
            return null;
        }

        if (ScratchPrefixOf(run.PlanJson) is not { } prefix)
        {
            return 0;
        }

        var deadline = time.GetUtcNow() + patience;
        while (true)
        {
            await Environment.RunJanitorAsync(prefix, cancellationToken);
            var left = await Environment.ScratchLeftAsync(prefix + run.RunId, TimeSpan.Zero, time, cancellationToken);
            if (left.Count == 0 || time.GetUtcNow() >= deadline)
            {
                return left.Count;
            }

            waiting(left);
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

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
            if (ended.Marked && ScratchPrefixOf(run.PlanJson) is { } prefix)
            {
                prefixes.Add(prefix);
            }
        }

        // A restore in progress when its command ended (killed, or interrupted twice) outlives the
        // command's own sweep: tables a plan's prefix names are swept by the janitor now.
        var tables = await environment.TablesStartingWithAsync(string.Empty, cancellationToken);
        foreach (var name in await environment.Services.Plans.ListNamesAsync(cancellationToken))
        {
            if (await environment.Services.Plans.GetLatestAsync(name, cancellationToken) is { } stored
                && ScratchPrefixOf(stored.Json) is { } prefix
                && tables.Any(t => t.StartsWith(prefix, StringComparison.Ordinal)))
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
    /// <param name="command">What this command is, as other terminals are told while it sets the store up.</param>
    public static async Task SetUpDemoAsync(string directory, DemoScenario scenario, TimeProvider time, string command, Action<string> progress, CancellationToken cancellationToken)
    {
        RepoPaths.RequireNodeModules();
        using var storeLock = TakeLock(directory);
        storeLock.Describe(new LocalStoreOwner(System.Environment.ProcessId, command, time.GetUtcNow(), null));
        if (System.IO.Directory.EnumerateFileSystemEntries(directory).Any(IsData))
        {
            throw new InvalidOperationException($"The local store {directory} already has data. Fix: run `drill local reset{DataOption(directory)}` first, or set up another store with --data DIR.");
        }

        await using var environment = await StartAsync(directory, time, cancellationToken);
        var settings = new DemoSettings(LoopbackPorts.Free(), scenario.AppUp, scenario.Name);
        await DemoSetup.PrepareAsync(environment, scenario, ShopUrl(settings), time, progress, cancellationToken);
        settings = settings with { EstateSeededAt = await CoverageEstate.SeedAsync(environment, scenario, time, progress, cancellationToken) };
        await File.WriteAllTextAsync(Path.Combine(directory, DemoSettingsFile), JsonSerializer.Serialize(settings), cancellationToken);
    }

    /// <summary>Deletes the store; refuses a folder that does not look like one, and a store another command holds.</summary>
    public static bool Reset(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return false;
        }

        if (!File.Exists(Path.Combine(directory, LocalDrillEnvironment.StandInStateFile)) && !System.IO.Directory.Exists(Path.Combine(directory, LocalDrillEnvironment.DynaliteFolder)))
        {
            throw new InvalidOperationException($"{directory} does not look like a local drill store (no standin.json or dynalite/); not deleting it.");
        }

        using (TakeLock(directory))
        {
            foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(directory).Where(IsData))
            {
                if (System.IO.Directory.Exists(entry))
                {
                    System.IO.Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }

        System.IO.Directory.Delete(directory, recursive: true);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_shop is not null)
        {
            await _shop.DisposeAsync();
        }

        await Environment.DisposeAsync();
        _lock.Dispose();
    }

    private static LocalStoreLock TakeLock(string directory) =>
        LocalStoreLock.TryTake(directory) ?? throw new LocalStoreInUse(directory, LocalStoreOwner.Read(directory));

    /// <summary>The store's data, as opposed to the lock and owner files any command creates, and an empty folder a failed start left.</summary>
    private static bool IsData(string path) =>
        Path.GetFileName(path) is not (LocalStoreLock.FileName or LocalStoreOwner.FileName)
        && !(System.IO.Directory.Exists(path) && !System.IO.Directory.EnumerateFileSystemEntries(path).Any());

    private static async Task<LocalDrillEnvironment> StartAsync(string directory, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await LocalDrillEnvironment.StartAsync(time, cancellationToken, directory);
        }
        catch (DynaliteProblem problem) when (problem.Kind == DynaliteProblem.Locked)
        {
            throw new LocalStoreInUse(directory, null, problem.Detail);
        }
        catch (DynaliteProblem problem) when (problem.Kind == DynaliteProblem.Corrupt)
        {
            throw new LocalStoreDamaged(directory, Path.Combine(directory, LocalDrillEnvironment.DynaliteFolder, CorruptFile(problem.Detail)), problem.Detail, problem);
        }
    }

    /// <summary>LevelDB names the file when it can ("CURRENT file does not end with newline"); otherwise the folder is all we know.</summary>
    private static string CorruptFile(string detail) =>
        detail.Contains("CURRENT", StringComparison.Ordinal) ? "CURRENT"
        : System.Text.RegularExpressions.Regex.Match(detail, @"\b(\d{6}\.(ldb|log)|MANIFEST-\d+)\b") is { Success: true } file ? file.Value
        : string.Empty;

    private static string? ScratchPrefixOf(string planJson) =>
        Core.Plans.PlanReader.Read(planJson).Plan?.ScratchPrefix is { Length: > 0 } prefix ? prefix : null;

    private static Uri ShopUrl(DemoSettings settings) => new($"http://127.0.0.1:{settings.ShopPort}");

    private static DemoSettings? ReadSettings(string directory)
    {
        var file = Path.Combine(directory, DemoSettingsFile);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DemoSettings>(File.ReadAllText(file)) ?? throw new JsonException("it is JSON null");
        }
        catch (JsonException ex)
        {
            throw new LocalStoreDamaged(directory, file, $"not the demo's settings ({ex.Message.Split(" Path:")[0]})", ex);
        }
    }

    /// <param name="EstateSeededAt">When the coverage estate was seeded (its recovery points' ages count from then).</param>
    private sealed record DemoSettings(int ShopPort, bool AppUp, string Scenario, DateTimeOffset? EstateSeededAt = null);
}
