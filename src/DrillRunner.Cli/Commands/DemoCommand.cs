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
        [Description(DemoScenario.DrillNames + "; " + DemoScenario.Consistency + " (the shop drilled twice while it takes orders: each table to its own newest point, then both to one instant), " + DemoScenario.Coverage + " (the coverage audit of the shop's estate) or " + DemoScenario.StackDeleted + " (the shop's stack deleted with its data: what the audit said before, what survived, and a drill from it).")]
        public string Scenario { get; init; } = DemoScenario.Healthy;

        [CommandOption("--json")]
        [Description("Print the run record as one JSON document on stdout (progress goes to stderr); consistency prints both drills' records, coverage the audit, stack-deleted {before, deletion, recovery, goneForGood}.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => ScenarioOption.Validate(Scenario, coverage: true);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Scenario == DemoScenario.Coverage)
        {
            return await CoverageAsync(settings, cancellationToken);
        }

        if (settings.Scenario == DemoScenario.Consistency)
        {
            return await ConsistencyAsync(settings, cancellationToken);
        }

        if (settings.Scenario == DemoScenario.StackDeleted)
        {
            return await StackDeletedAsync(settings, cancellationToken);
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

    /// <summary>
    /// The two drills of the consistency demo side by side. Exit 0 when they came out as the story says
    /// (independent restores FAIL on the relation, the common instant PASSes), 1 otherwise.
    /// </summary>
    private async Task<int> ConsistencyAsync(Settings settings, CancellationToken cancellationToken)
    {
        var log = consoles.Diagnostics;
        log.MarkupLine("[bold]DrillRunner demo[/] — scenario [bold]consistency[/]: the shop takes orders while it is drilled; restore each table to its own newest point, then both to one instant");
        var clock = Stopwatch.StartNew();
        var outcome = await ConsistencyDemo.RunAsync(time, message => log.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds,5:0.0}s[/] {message}"), cancellationToken);
        var asTold = outcome.Independent.Run.Verdict == Verdict.Fail && outcome.Common.Run.Verdict == Verdict.Pass;
        if (settings.Json)
        {
            var both = new System.Text.Json.Nodes.JsonObject
            {
                ["independent"] = RunRecordJson.Build(outcome.Independent.Run, outcome.Independent.Targets, outcome.Independent.ScratchLeft),
                ["common"] = RunRecordJson.Build(outcome.Common.Run, outcome.Common.Targets, outcome.Common.ScratchLeft),
            };
            consoles.Out.Profile.Out.Writer.WriteLine(RunRecordJson.Write(both));
            return asTold ? ExitCodes.Pass : ExitCodes.NotPass;
        }

        ConsistencyPrinter.Print(consoles.Out, outcome);
        consoles.Out.MarkupLineInterpolated($"The shop wrote {outcome.PairsWritten} new customers and their orders during the drills; demo wall time {clock.Elapsed.TotalSeconds:0.0} s.");
        return asTold ? ExitCodes.Pass : ExitCodes.NotPass;
    }

    /// <summary>
    /// The post-mortem replayed: the audit before, the stack's deletion, the recovery drill from what survived. Exit 0
    /// when it came out as the story says (every table restored from what survived, except the one whose data nothing
    /// kept, and nothing left behind), 1 otherwise.
    /// </summary>
    private async Task<int> StackDeletedAsync(Settings settings, CancellationToken cancellationToken)
    {
        var log = consoles.Diagnostics;
        log.MarkupLine("[bold]DrillRunner demo[/] — scenario [bold]stack-deleted[/]: a failed deployment, the team deletes the shop's stack, and the stack takes data with it");
        var clock = Stopwatch.StartNew();
        var outcome = await StackDeletedDemo.RunAsync(time, message => log.MarkupLineInterpolated($"[grey]{clock.Elapsed.TotalSeconds,5:0.0}s[/] {message}"), cancellationToken);
        var asTold = outcome.AsTold;
        if (settings.Json)
        {
            var document = new System.Text.Json.Nodes.JsonObject
            {
                ["before"] = System.Text.Json.Nodes.JsonNode.Parse(CoveragePrinter.Json(outcome.Before, Core.Coverage.FindingKind.DrillStale)),
                ["deletion"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["stack"] = outcome.Deletion.StackName,
                    ["status"] = outcome.Deletion.Status,
                    ["resources"] = new System.Text.Json.Nodes.JsonArray([.. outcome.Deletion.Resources.Select(r => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                    {
                        ["logicalId"] = r.LogicalId,
                        ["type"] = r.Type,
                        ["physicalId"] = r.PhysicalId,
                        ["deletionPolicy"] = r.Policy,
                        ["fate"] = r.Fate.ToString(),
                        ["left"] = r.Kept,
                        ["why"] = r.Why,
                    })]),
                },
                ["recovery"] = RunRecordJson.Build(outcome.Recovery, outcome.Targets, outcome.ScratchLeft),
                ["goneForGood"] = new System.Text.Json.Nodes.JsonArray([.. outcome.GoneForGood.Select(t => (System.Text.Json.Nodes.JsonNode)t.SourceName)]),
            };
            consoles.Out.Profile.Out.Writer.WriteLine(RunRecordJson.Write(document));
            return asTold ? ExitCodes.Pass : ExitCodes.NotPass;
        }

        StackDeletedPrinter.Print(consoles.Out, outcome);
        consoles.Out.MarkupLineInterpolated($"Demo wall time {clock.Elapsed.TotalSeconds:0.0} s; {(asTold ? "it went as the post-mortem says" : "[red]it did not go as the story says: read the tables above[/]")}.");
        return asTold ? ExitCodes.Pass : ExitCodes.NotPass;
    }
}
