namespace DrillRunner.Local.Processes;

/// <summary>
/// Finds local mode's files: the ASL definitions, the Node scripts, template.yaml and node_modules. In a
/// clone they are the repository's; an installed `drill` tool carries a copy in the clone's layout
/// (<see cref="PackedFolder"/>), and its node_modules are installed there by the npm command
/// <see cref="RequireNodeModules"/> prints. Only local mode asks: commands that talk to AWS never need these files.
/// </summary>
public static class RepoPaths
{
    public const string RootVariable = "DRILL_REPO_ROOT";

    /// <summary>The folder beside the tool's assemblies that holds local mode's files (DrillRunner.Cli.csproj packs it).</summary>
    public const string PackedFolder = "local-mode";

    /// <summary>What local mode runs on Node: dynalite, the ASL engine, and the AWS API models the local AWS world answers from.</summary>
    private static readonly string[] NodePackages = ["dynalite", "aws-local-stepfunctions", "aws-sdk"];

    private static readonly Lazy<(string Path, bool IsClone)?> Found = new(FindRoot);

    /// <exception cref="LocalModeUnavailable">Neither a clone nor the tool's packed files were found.</exception>
    public static string Root => Found.Value?.Path ?? throw new LocalModeUnavailable(
        $"Local mode's files (statemachine/*.asl.json, its Node scripts) are neither in a DrillRunner clone nor beside this drill ({Path.Combine(AppContext.BaseDirectory, PackedFolder)}). " +
        $"Fix: reinstall the tool (dotnet tool update --global DrillRunner.Cli), or run from inside a clone, or set {RootVariable} to a clone.");

    /// <summary>True in a clone (or <see cref="RootVariable"/>); false for the files packed in the installed tool.</summary>
    public static bool IsClone => Found.Value?.IsClone ?? false;

    public static string StateMachineDefinition => Path.Combine(Root, "statemachine", "restore-drill.asl.json");

    public static string JanitorDefinition => Path.Combine(Root, "statemachine", "scratch-janitor.asl.json");

    public static string CoverageDefinition => Path.Combine(Root, "statemachine", "coverage-audit.asl.json");

    public static string NodeScript(string name) => Path.Combine(Root, "src", "DrillRunner.Local", "node", name);

    /// <summary>The command that installs local mode's Node packages where <see cref="Root"/> expects them.</summary>
    public static string NodeModulesFix => IsClone
        ? $"run 'npm ci' in {Root}"
        : $"run: npm ci --omit=dev --prefix \"{Root}\"   (Node.js 20+; it installs {string.Join(", ", NodePackages)} beside this drill)";

    /// <summary>
    /// A clone built here comes first (its files match the code that was built), then the files packed in the
    /// installed tool, then a clone around the working directory.
    /// </summary>
    private static (string, bool)? FindRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured)
        {
            return (configured, true);
        }

        if (CloneAround(AppContext.BaseDirectory) is { } built)
        {
            return (built, true);
        }

        var packed = Path.Combine(AppContext.BaseDirectory, PackedFolder);
        if (Directory.Exists(Path.Combine(packed, "statemachine")))
        {
            return (packed, false);
        }

        return CloneAround(Directory.GetCurrentDirectory()) is { } around ? (around, true) : null;
    }

    private static string? CloneAround(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DrillRunner.sln")) && Directory.Exists(Path.Combine(dir.FullName, "statemachine")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Fails early, with the fix, when the Node packages have not been installed (the README's npm ci, or the tool's npm command).</summary>
    /// <exception cref="LocalModeUnavailable">A package is missing.</exception>
    public static void RequireNodeModules()
    {
        foreach (var package in NodePackages)
        {
            if (!Directory.Exists(Path.Combine(Root, "node_modules", package)))
            {
                throw new LocalModeUnavailable($"Local mode needs the Node package '{package}', which is not installed in {Path.Combine(Root, "node_modules")}. Fix: {NodeModulesFix}, then run this command again.");
            }
        }
    }
}
