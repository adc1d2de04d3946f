using System.Diagnostics;
using Spectre.Console.Testing;

namespace DrillRunner.Cli.Tests;

/// <summary>Drives the whole `drill` app in process with test consoles, or as a real process for the stdout contract.</summary>
internal static class CliHarness
{
    public static Task<(int ExitCode, string Out, string Diagnostics)> RunAsync(params string[] args) => RunAsync(validateExamples: false, args);

    /// <param name="validateExamples">Have Spectre parse every help example first (it fails the run if one does not parse).</param>
    public static Task<(int ExitCode, string Out, string Diagnostics)> RunAsync(bool validateExamples, params string[] args) => RunAsync(TimeProvider.System, validateExamples, args);

    /// <param name="time">The app's clock (a scaled one makes a deliberately slow restore quick to wait for).</param>
    public static async Task<(int ExitCode, string Out, string Diagnostics)> RunAsync(TimeProvider time, bool validateExamples, params string[] args)
    {
        var output = new TestConsole().Width(200);
        var diagnostics = new TestConsole().Width(200);
        var exitCode = await DrillApp.RunAsync(args, output, diagnostics, time, validateExamples, CancellationToken.None);
        return (exitCode, output.Output, diagnostics.Output);
    }

    /// <summary>The built `drill` as its own process: what scripts and CI see on stdout and as the exit code.</summary>
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunProcessAsync(params string[] args) => RunProcessAsync(new Dictionary<string, string?>(), args);

    /// <param name="environment">Variables to set (or, with a null value, remove) for the process.</param>
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return RunToEndAsync(start, [Path.Combine(AppContext.BaseDirectory, "drill.dll"), .. args]);
    }

    /// <summary>Starts a process (its streams redirected) with <paramref name="args"/> and waits for it to end.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunToEndAsync(ProcessStartInfo start, IEnumerable<string> args)
    {
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
