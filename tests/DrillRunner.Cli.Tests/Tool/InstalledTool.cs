using System.Diagnostics;
using System.Runtime.InteropServices;
using DrillRunner.Local.Processes;

namespace DrillRunner.Cli.Tests.Tool;

/// <summary>
/// `drill` packed (from the build the test command made) and installed as a .NET tool into a temporary
/// folder, from that package alone — no other feed, no global install — and run from a working directory
/// outside the clone, as a release pipeline would. Disposing deletes all of it.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"drill-tool-{Guid.NewGuid():N}");

    /// <summary>A working directory outside the clone.</summary>
    public string WorkingDirectory => Path.Combine(_root, "work");

    /// <summary>The installed command (the tool's shim).</summary>
    public string Command => Path.Combine(_root, "tools", "drill");

    /// <summary>The folder the tool's files were installed under, where its packed local-mode/ folder lives.</summary>
    public string StoreFolder => Path.Combine(_root, "tools", ".store");

    /// <summary>How long `dotnet pack` and `dotnet tool install` took together.</summary>
    public TimeSpan PackAndInstall { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkingDirectory);
        var packages = Path.Combine(_root, "packages");
        var watch = Stopwatch.StartNew();
        try
        {
            await DotnetAsync("pack", Path.Combine(RepoPaths.Root, "src", "DrillRunner.Cli", "DrillRunner.Cli.csproj"), "--no-build", "--no-restore", "-c", Configuration, "-o", packages);

            // --source replaces every configured feed: the install must succeed from the package just made, offline.
            await DotnetAsync("tool", "install", "--tool-path", Path.Combine(_root, "tools"), "--source", packages, "DrillRunner.Cli");
        }
        catch
        {
            // xunit does not dispose a fixture that failed to start.
            Directory.Delete(_root, recursive: true);
            throw;
        }

        PackAndInstall = watch.Elapsed;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs the installed `drill` in <see cref="WorkingDirectory"/>, with no variable that could point it back at the clone.</summary>
    public Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Command) { WorkingDirectory = WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove(RepoPaths.RootVariable);
        start.Environment.Remove(Core.EnvironmentVariables.RunsTable);
        start.Environment.Remove(Core.EnvironmentVariables.DynamoDbEndpoint);

        // The shim finds the runtime through DOTNET_ROOT when dotnet is not where the host looks by default.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return CliHarness.RunToEndAsync(start, args);
    }

    private async Task DotnetAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var (exitCode, stdout, stderr) = await CliHarness.RunToEndAsync(start, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited {exitCode}:\n{stdout}\n{stderr}");
        }
    }
}
