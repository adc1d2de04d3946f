using System.ComponentModel;
using System.Diagnostics;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Output;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill demo`: a full drill on this machine, with the scenario's verdict as the exit code.</summary>
public sealed class DemoCommand(OutputConsoles consoles, TimeProvider time) : AsyncCommand<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scenario <NAME>")]
        [Description(DemoScenario.DrillNames + ", or " + DemoScenario.Coverage + " (the coverage audit of the shop's estate).")]
        public string Scenario { get; init; } = DemoScenario.Healthy;

        [CommandOption("--json")]
        [Description("Print the run record as one JSON document on stdout (progress goes to stderr).")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => ScenarioOption.Validate(Scenario, coverage: true);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Scenario == DemoScenario.Coverage)
        {
            return await CoverageAsync(settings, cancellationToken);
        }

        var scenario = DemoScenario.Find(settings.Scenario)!;
        var log = consoles.Diagnostics;
        log.MarkupLineInterpolated($"[bold]DrillRunner demo[/] — scenario [bold]{scenario.Name}[/]: {scenario.Description}");
        var clock = Stopwatch.StartNew();
        var progress = new RunProgress(log, new Dictionary<string, TimeSpan>(), time);
        var outcome = await DemoDrill.RunAsync(
            scenario,
            time,
            message => log.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds,5:0.0}s[/] {message}"),
            progress.Show,
            cancellationToken);

        if (settings.Json)
        {
            consoles.Out.Profile.Out.Writer.WriteLine(RunRecordJson.Write(RunRecordJson.Build(outcome.Run, outcome.Targets, outcome.ScratchTablesLeft.Count)));
        }
        else
        {
            RunPrinter.Print(consoles.Out, outcome.Run, outcome.Targets, outcome.ScratchTablesLeft.Count);
            foreach (var subject in outcome.Notifications)
            {
                consoles.Out.MarkupLineInterpolated($"Notification published (locally): {subject}");
            }

            consoles.Out.MarkupLineInterpolated($"Drill wall time {clock.Elapsed.TotalSeconds:0.0} s; the run record is in the local runs table, which the demo removes on exit.");
        }

        return outcome.Run.Verdict == Verdict.Pass ? ExitCodes.Pass : ExitCodes.NotPass;
    }

    /// <summary>The coverage audit of the demo shop's estate; exit 1 because the estate has findings (any finding fails, as `drill coverage` by default).</summary>
    private async Task<int> CoverageAsync(Settings settings, CancellationToken cancellationToken)
    {
        var log = consoles.Diagnostics;
        log.MarkupLine("[bold]DrillRunner demo[/] — scenario [bold]coverage[/]: the audit that finds what no backup and no drill protects");
        var clock = Stopwatch.StartNew();
        var outcome = await CoverageDemo.RunAsync(time, message => log.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds,5:0.0}s[/] {message}"), cancellationToken);
        var failOn = Core.Coverage.FindingKind.DrillStale;
        if (settings.Json)
        {
            consoles.Out.Profile.Out.Writer.WriteLine(CoveragePrinter.Json(outcome.Audit, failOn));
        }
        else
        {
            CoveragePrinter.Print(consoles.Out, outcome.Audit, failOn);
            foreach (var subject in outcome.Notifications)
            {
                consoles.Out.MarkupLineInterpolated($"Notification published (locally): {subject}");
            }

            consoles.Out.MarkupLineInterpolated($"The audit made {outcome.Calls.Count} read-only AWS calls ({string.Join(", ", outcome.Calls.Select(c => $"{c.Service}:{c.Action}").Distinct())}) and wrote to no resource it looked at ({outcome.SourceWrites.Count} source writes); audit wall time {outcome.AuditWallTime.TotalSeconds:0.0} s.");
        }

        return outcome.Audit.Fails(failOn) ? ExitCodes.NotPass : ExitCodes.Pass;
    }
}
