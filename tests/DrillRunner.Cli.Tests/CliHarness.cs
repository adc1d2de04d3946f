using System.Diagnostics;
using Spectre.Console.Testing;

namespace DrillRunner.Cli.Tests;

/// <summary>Drives the whole `drill` app in process with test consoles, or as a real process for the stdout contract.</summary>
internal static class CliHarness
{
    public static async Task<(int ExitCode, string Out, string Diagnostics)> RunAsync(params string[] args)
    {
        var output = new TestConsole().Width(200);
        var diagnostics = new TestConsole().Width(200);
        var exitCode = await DrillApp.RunAsync(args, output, diagnostics, TimeProvider.System);
        return (exitCode, output.Output, diagnostics.Output);
    }

    /// <summary>The built `drill` as its own process: what scripts and CI see on stdout and as the exit code.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "drill.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    public static string PlanFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
