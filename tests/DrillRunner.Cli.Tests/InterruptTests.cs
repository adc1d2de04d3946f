using System.Diagnostics;
using System.Text.RegularExpressions;
using DrillRunner.Core.Runs;
using DrillRunner.Local;
using DrillRunner.Local.Demo;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace DrillRunner.Cli.Tests;

/// <summary>Ctrl-C during `drill run --local --wait` ends the drill honestly, with its own exit code.</summary>
public sealed partial class InterruptTests(SetUpStoreFixture setUp) : IClassFixture<SetUpStoreFixture>
{
    /// <summary>Each test's own copy of the set-up store (the fixture deletes it).</summary>
    private readonly string _store = setUp.Copy();

    [Fact]
    public async Task CtrlCToTheWholeProcessGroup_StopsTheDrill_EndsItsRun_AndLeavesNothingBehind()
    {
        var (exitCode, said) = await InterruptAsync("interrupted", twice: false);

        Assert.True(exitCode == ExitCodes.Interrupted, said);
        var runId = StoppedRun().Match(said).Groups["run"].Value;
        Assert.False(string.IsNullOrEmpty(runId), said);
        Assert.Contains("ended with ERROR (no statement about the backups)", said, StringComparison.Ordinal);
        Assert.Contains("nothing is left behind", said, StringComparison.Ordinal);
        Assert.DoesNotContain("The service returned an error", said, StringComparison.Ordinal);

        await using var store = await LocalStore.OpenAsync(_store, TimeProvider.System, "a test", default);
        var run = await store.Environment.Services.Runs.GetAsync(runId, default);
        Assert.Equal((RunStatus.Stopped, Verdict.Error), (run.Status, run.Verdict));
        Assert.Contains("interrupted", run.VerdictReason, StringComparison.Ordinal);
        Assert.Null(await store.Environment.Services.Runs.GetPlanLockAsync(DemoPlan.Name, TimeProvider.System.GetUtcNow(), default));
        Assert.Empty(await store.Environment.ScratchTablesLeftAsync($"{DemoPlan.ScratchPrefix}{runId}", TimeSpan.FromSeconds(10), TimeProvider.System, default));
    }

    [Fact]
    public async Task ASecondCtrlC_QuitsAtOnce_AndTheNextCommandEndsTheRunAndSweepsIt()
    {
        var (exitCode, said) = await InterruptAsync("quit", twice: true);

        Assert.True(exitCode == ExitCodes.Interrupted, said);
        Assert.Contains("quitting at once", said, StringComparison.Ordinal);

        await using var store = await LocalStore.OpenAsync(_store, TimeProvider.System, "a test", default);
        var runs = store.Environment.Services.Runs;
        var run = (await Task.WhenAll((await runs.HistoryAsync(DemoPlan.Name, null, 10, default)).Select(s => runs.GetAsync(s.RunId, default)))).Single(r => r.Reason == "quit");
        Assert.Equal((RunStatus.Stopped, Verdict.Error), (run.Status, run.Verdict));
        Assert.Null(await store.Environment.Services.Runs.GetPlanLockAsync(DemoPlan.Name, TimeProvider.System.GetUtcNow(), default));
        Assert.Empty(await store.Environment.ScratchTablesLeftAsync($"{DemoPlan.ScratchPrefix}{run.RunId}", TimeSpan.FromSeconds(10), TimeProvider.System, default));
    }

    /// <summary>
    /// `drill run --local --wait` as its own process group, sent SIGINT as a terminal sends Ctrl-C (to
    /// the whole group, its Node children too) once it is restoring; <paramref name="twice"/> presses again once it is interrupting.
    /// </summary>
    /// <returns>The exit code, and what it said on stderr with line wraps read as spaces.</returns>
    private async Task<(int ExitCode, string Said)> InterruptAsync(string reason, bool twice)
    {
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "drill.dll"), "run", "--local", "--data", _store, "--plan", DemoPlan.Name, "--reason", reason, "--wait" })
        {
            start.ArgumentList.Add(arg);
        }

        using var drill = Process.Start(start)!;
        var stdout = drill.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        foreach (var (waitFor, press) in new[] { ("Restoring", true), ("interrupting", twice) })
        {
            while (await drill.StandardError.ReadLineAsync() is { } line)
            {
                stderr.AppendLine(line);
                if (line.Contains(waitFor, StringComparison.Ordinal))
                {
                    break;
                }
            }

            if (press)
            {
                using var kill = Process.Start("kill", ["-INT", "--", $"-{drill.Id}"]);
                await kill.WaitForExitAsync();
            }
        }

        stderr.Append(await drill.StandardError.ReadToEndAsync());
        await drill.WaitForExitAsync();
        await stdout;
        return (drill.ExitCode, Regex.Replace(stderr.ToString(), @"\s+", " "));
    }

    [Fact]
    public async Task AnInterruptBeforeTheDrillBegins_RecordsTheRequestAsNeverStarted()
    {
        using var interrupt = new CancellationTokenSource();
        var diagnostics = new Tripwire(new TestConsole().Width(200), "requested drill of plan", interrupt);

        var exitCode = await DrillApp.RunAsync(["run", "--local", "--data", _store, "--plan", DemoPlan.Name, "--reason", "too soon", "--wait"], new TestConsole(), diagnostics, TimeProvider.System, interrupt.Token);
        var requestId = Request().Match(diagnostics.Output).Groups["id"].Value;
        var status = await CliHarness.RunAsync("status", "--local", "--data", _store, "--request", requestId);
        var history = await CliHarness.RunAsync("history", "--local", "--data", _store, "--plan", DemoPlan.Name, "--json");

        Assert.True(exitCode == ExitCodes.Interrupted, diagnostics.Output);
        Assert.Contains("interrupted before the drill began", diagnostics.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotPass, status.ExitCode);
        Assert.Contains($"request {requestId} never started a drill: interrupted before its execution began a run", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("the Pipe starts it", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("too soon", history.Out, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"interrupted:.*run (?<run>\d{8}-\d{6}-[0-9a-f]{4}) was stopped")]
    private static partial Regex StoppedRun();

    [GeneratedRegex(@"request (?<id>[0-9a-f]{32})")]
    private static partial Regex Request();

    /// <summary>A console that presses Ctrl-C (cancels) the moment a line containing <paramref name="trigger"/> is written.</summary>
    private sealed class Tripwire(TestConsole inner, string trigger, CancellationTokenSource interrupt) : IAnsiConsole
    {
        public string Output => inner.Output;

        public Profile Profile => inner.Profile;

        public IAnsiConsoleCursor Cursor => inner.Cursor;

        public IAnsiConsoleInput Input => inner.Input;

        public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

        public RenderPipeline Pipeline => inner.Pipeline;

        public void Clear(bool home) => inner.Clear(home);

        public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);

        public void Write(IRenderable renderable)
        {
            inner.Write(renderable);
            if (inner.Output.Contains(trigger, StringComparison.Ordinal))
            {
                interrupt.Cancel();
            }
        }
    }
}
