namespace DrillRunner.Cli.Tests;

/// <summary>
/// A local store as `drill local setup` leaves it, made once for a test class whose tests each work on
/// a copy of it (to hold, damage or reset). Each setup seeds 20,000 orders and the coverage estate into
/// dynalite on disk; a copy of its folder is the same store for a fraction of the CPU. A class's own
/// fixture, never shared across classes: the store names the port its shop app listens on, so copies
/// must not be opened at once, and the tests of one class run one at a time.
/// </summary>
public sealed class SetUpStoreFixture : IAsyncLifetime
{
    private readonly string _template = LocalGate.NewDataDirectory();
    private readonly List<string> _copies = [];

    public async Task InitializeAsync()
    {
        var setup = await CliHarness.RunAsync("local", "setup", "--data", _template);
        Assert.True(setup.ExitCode == 0, setup.Diagnostics);
    }

    /// <summary>A new folder holding a copy of the set-up store: every file but the lock files (LevelDB's LOCK, the store's owner.lock), which belong to the process that held them.</summary>
    public string Copy()
    {
        var copy = LocalGate.NewDataDirectory();
        lock (_copies)
        {
            _copies.Add(copy);
        }

        foreach (var file in Directory.EnumerateFiles(_template, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not ("LOCK" or "owner.lock")))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(_template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public Task DisposeAsync()
    {
        foreach (var directory in _copies.Append(_template).Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
