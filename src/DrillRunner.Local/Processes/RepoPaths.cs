namespace DrillRunner.Local.Processes;

/// <summary>Finds the repository (for the ASL file, the Node scripts and node_modules).</summary>
public static class RepoPaths
{
    public const string RootVariable = "DRILL_REPO_ROOT";

    public static string Root { get; } = FindRoot();

    public static string StateMachineDefinition => Path.Combine(Root, "statemachine", "restore-drill.asl.json");

    public static string JanitorDefinition => Path.Combine(Root, "statemachine", "scratch-janitor.asl.json");

    public static string CoverageDefinition => Path.Combine(Root, "statemachine", "coverage-audit.asl.json");

    public static string NodeScript(string name) => Path.Combine(Root, "src", "DrillRunner.Local", "node", name);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DrillRunner.sln")) && Directory.Exists(Path.Combine(dir.FullName, "statemachine")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Cannot find the DrillRunner repository (DrillRunner.sln beside statemachine/). Run from inside the clone or set {RootVariable}.");
    }

    /// <summary>Fails early, with the fix, when the README's set-up (npm ci) has not run.</summary>
    public static void RequireNodeModules()
    {
        foreach (var package in new[] { "dynalite", "aws-local-stepfunctions" })
        {
            if (!Directory.Exists(Path.Combine(Root, "node_modules", package)))
            {
                throw new InvalidOperationException($"The Node package '{package}' is not installed in {Root}/node_modules. Fix: run 'npm ci' in {Root}.");
            }
        }
    }
}
