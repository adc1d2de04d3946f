using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Reports;
using DrillRunner.Core.Capacity;
using DrillRunner.Core.DataVerification;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Runs;
using DrillRunner.Local;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Processes;
using DrillRunner.Local.Scale;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// `drill bench`: the scale runs (docs/benchmarks.md) against their goals, on this machine, in local
/// mode with its capacity model. Writes the figures with the machine and the command that made them.
/// </summary>
public sealed class BenchCommand(OutputConsoles consoles, TimeProvider time) : AsyncCommand<BenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--quick")]
        [Description("Small versions only (a 2 GB table, 50 targets, 20 tables to one instant, 10 plans): a few minutes instead of ten.")]
        public bool Quick { get; init; }

        [CommandOption("--full")]
        [Description("Also count a modelled 1 TB table (about a million scan pages: tens of minutes).")]
        public bool Full { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the results. Default: docs/benchmarks.md in the clone; benchmarks.md in the working directory for the installed tool.")]
        public string? Out { get; init; }

        [CommandOption("--only <SECTION>")]
        [Description("Run one section and replace only it in the file: counts, skew, lag, drills, instant, report or coverage.")]
        public string? Only { get; init; }

        public override ValidationResult Validate() =>
            Quick && Full ? ValidationResult.Error("--quick and --full ask for opposite runs: give one (--quick: small versions; --full: also a 1 TB table).")
            : Only is null || Sections.Any(s => s.Name == Only) ? ValidationResult.Success()
            : ValidationResult.Error($"--only '{Only}' is not a section. Use one of: {string.Join(", ", Sections.Select(s => s.Name))}.");
    }

    /// <summary>
    /// A part of the page that one run measures: its name for --only, and the words its heading carries
    /// (headings name sizes that --quick changes, so a section is found by these words, not the whole line).
    /// </summary>
    private sealed record Section(string Name, string HeadingWords, Func<BenchCommand, Settings, CancellationToken, Task<string>> Write);

    /// <summary>The measured sections, in the page's order; the limits and the model follow them unmeasured.</summary>
    private static readonly Section[] Sections =
    [
        new("counts", CountsWords, (b, s, ct) => b.CountsAsync(s, ct)),
        new("skew", SkewWords, (b, s, ct) => b.SkewAsync(s, ct)),
        new("lag", LagWords, (_, _, _) => Task.FromResult(LagSection())),
        new("drills", DrillsWords, (b, s, ct) => b.DrillsAsync(s, ct)),
        new("instant", InstantWords, (b, s, ct) => b.InstantAsync(s, ct)),
        new("report", ReportWords, (b, s, ct) => b.ReportAsync(s, ct)),
        new(CoverageSection, CoverageWords, (b, s, ct) => b.CoverageAsync(s, ct)),
    ];

    /// <summary>The section name --only accepts for the coverage audit (the help's example).</summary>
    public const string CoverageSection = "coverage";

    private const string CountsWords = "Verification efficiency", SkewWords = "The live source's count, taken alongside", LagWords = "Detection lag",
        DrillsWords = "targets in one drill", InstantWords = "restored to one instant", ReportWords = "Report at scale", CoverageWords = "Coverage audit at scale";

    private const string LimitsHeading = "## Limits that hold";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RepoPaths.RequireNodeModules();
        // The installed tool has no docs/ of its own: outside a clone the page goes to the working directory.
        var path = settings.Out ?? (RepoPaths.IsClone ? Path.Combine(RepoPaths.Root, "docs", "benchmarks.md") : Path.GetFullPath("benchmarks.md"));
        var started = Stopwatch.StartNew();
        if (Sections.FirstOrDefault(s => s.Name == settings.Only) is { } only)
        {
            var section = await only.Write(this, settings, cancellationToken)
                + Environment.NewLine + $"Re-measured alone with `{CommandLine(settings)}` ({Machine()}; {started.Elapsed.TotalMinutes:0.0} min)." + Environment.NewLine;
            var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : string.Empty;
            await File.WriteAllTextAsync(path, ReplaceSection(existing, only, section), cancellationToken);
            consoles.Out.MarkupLineInterpolated($"wrote the {only.Name} section of {path} in {started.Elapsed.TotalMinutes:0.0} min");
            return ExitCodes.Pass;
        }

        var md = new StringBuilder();
        md.AppendLine("# Benchmarks: drills at scale").AppendLine()
            .AppendLine("Written by `drill bench`; every figure below was measured by the command at the end of this").AppendLine("page on the machine it names. Local mode stands in for AWS: see [the capacity model](#the-capacity-model)").AppendLine("for what is modelled and from which published figures. Ratios matter more than seconds: the").AppendLine("machine is shared and small. `--only SECTION` re-measures one section and says so under it.");
        foreach (var section in Sections)
        {
            md.Append(await section.Write(this, settings, cancellationToken));
        }

        md.Append(LimitsAndModel())
            .AppendLine().AppendLine("## Machine and command").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{Machine()}; {started.Elapsed.TotalMinutes:0.0} min in all.").AppendLine()
            .AppendLine("```").AppendLine("npm ci").AppendLine(CommandLine(settings)).AppendLine("```");

        await File.WriteAllTextAsync(path, md.ToString(), cancellationToken);
        consoles.Out.MarkupLineInterpolated($"wrote {path} in {started.Elapsed.TotalMinutes:0.0} min");
        return ExitCodes.Pass;
    }

    /// <summary>The command that reproduces this run, as the page prints it.</summary>
    private static string CommandLine(Settings settings) =>
        "dotnet run --project src/DrillRunner.Cli -c Release -- bench" + (settings.Quick ? " --quick" : string.Empty) + (settings.Full ? " --full" : string.Empty) + (settings.Only is { } only ? $" --only {only}" : string.Empty);

    private string Machine() =>
        $"{Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9)} GB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; {time.GetUtcNow():yyyy-MM-dd}";

    private void Progress(string what) => consoles.Diagnostics.MarkupLineInterpolated($"[grey]{what}…[/]");

    /// <summary>1. Verification efficiency: modelled tables counted as VerifyTarget counts them.</summary>
    private async Task<string> CountsAsync(Settings settings, CancellationToken cancellationToken)
    {
        var md = new StringBuilder();
        long[] sizes = settings.Quick ? [2 * DynamoDbCapacity.GiB] : settings.Full ? [DynamoDbCapacity.GiB, 10 * DynamoDbCapacity.GiB, 100 * DynamoDbCapacity.GiB, DynamoDbCapacity.TiB] : [DynamoDbCapacity.GiB, 10 * DynamoDbCapacity.GiB, 100 * DynamoDbCapacity.GiB];
        md.AppendLine().AppendLine($"## {CountsWords}").AppendLine()
            .AppendLine("A modelled table is counted exactly as `VerifyTarget` counts a restored one (segments chosen from its size, a").AppendLine("checkpoint whenever an invocation's 10-minute budget is spent). Efficiency = read units consumed ÷ what the table").AppendLine("allowed over the time the count took. Goal: ≥ 90 %, and no size that the 15-minute Lambda limit breaks.").AppendLine()
            .AppendLine("| Table | Items | Segments | Count exact | Read units (model) | Modelled time | Invocations | Efficiency | Real time (scale) |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            Progress($"counting a modelled {Gb(size)} table");
            var f = await ScaleRuns.CountModelledTableAsync(size, planSegments: 4, cancellationToken);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Gb(size)} | {f.Items:N0} | {f.Segments} | {(f.Counted == f.Items ? "yes" : $"no ({f.Counted:N0})")} | {f.ReadUnits:N0} ({f.ExpectedReadUnits:N0}) | {Span(f.Modelled)} | {f.Invocations} | {f.Efficiency:P1} | {f.Real.TotalSeconds:0.0} s (×{f.TimeScale:0.#}) |");
        }

        if (!settings.Full)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"1 TB was not run here (`--full` runs it: ~1 M pages). By the model it needs {DynamoDbCapacity.CountScanReadUnits(DynamoDbCapacity.TiB):N0} read units at {DynamoDbCapacity.ReadUnitsPerSecond(DynamoDbCapacity.TiB):N0} units/s (the table quota) = {Span(DynamoDbCapacity.FastestCount(DynamoDbCapacity.TiB))}, {Math.Ceiling(DynamoDbCapacity.FastestCount(DynamoDbCapacity.TiB) / Core.LambdaLimits.VerificationBudget)} invocations of 10 minutes, {DynamoDbCapacity.ScanSegments(DynamoDbCapacity.TiB, 4)} segments.");
        }

        return md.ToString();
    }

    /// <summary>The skew of a tolerance check: a restored table and its live source counted side by side.</summary>
    private async Task<string> SkewAsync(Settings settings, CancellationToken cancellationToken)
    {
        var md = new StringBuilder();
        md.AppendLine().AppendLine($"### {SkewWords}").AppendLine()
            .AppendLine("For a `tolerancePercentOfSource` check the live source is counted at the same time as the restored table, but").AppendLine("only with the plan's segments (it is production). The skew is the time between the middles of the two counts;").AppendLine("a source written at *w* items/s drifts by about *w* × skew items in it.").AppendLine()
            .AppendLine("| Table | Segments (restored / source) | Restored count | Source count | Skew | Drift at 10 writes/s | at 100 writes/s |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var size in settings.Quick ? [DynamoDbCapacity.GiB] : new[] { DynamoDbCapacity.GiB, 10 * DynamoDbCapacity.GiB })
        {
            Progress($"counting a modelled {Gb(size)} table beside its source");
            var s = await ScaleRuns.CountSideBySideAsync(size, planSegments: 4, cancellationToken);
            var items = size / 400.0;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Gb(size)} | {s.RestoredSegments} / {s.SourceSegments} | {Span(s.RestoredSpan)} | {Span(s.SourceSpan)} | {Span(s.Skew)} | {10 * s.Skew.TotalSeconds:N0} items ({10 * s.Skew.TotalSeconds / items:P4}) | {100 * s.Skew.TotalSeconds:N0} items ({100 * s.Skew.TotalSeconds / items:P4}) |");
        }

        return md.ToString();
    }

    /// <summary>2. Detection lag: PollSchedule followed against restores of each length and forecast.</summary>
    private static string LagSection()
    {
        var md = new StringBuilder();
        var nativeLook = WorkflowShape.NativeTarget.Look;
        md.AppendLine().AppendLine($"## {LagWords}").AppendLine()
            .AppendLine("Restore really complete → the runner knows, following `PollSchedule` (the code the functions run) against restores").AppendLine("of each length, with a forecast that is right, 20 % long, 20 % short, or missing. Each look is").AppendLine(CultureInfo.InvariantCulture, $"{nativeLook.Transitions} state transitions (wait, check, choice) and {nativeLook.Invocations} invocation. Goal: lag ≤ max(10 s, 1 % of the restore).").AppendLine()
            .AppendLine("| Restore | Forecast | Lag | Goal | Looks | Transitions | Looks' cost |")
            .AppendLine("|---|---|---|---|---|---|---|");
        var prices = PriceTable.For(PriceTable.DefaultRegion);
        foreach (var minutes in new[] { 5, 30, 120, 480 })
        {
            var actual = TimeSpan.FromMinutes(minutes);
            foreach (var (label, forecast) in new (string, TimeSpan?)[] { ("right", actual), ("20 % long", actual * 1.2), ("20 % short", actual * 0.8), ("none", null) })
            {
                var (looks, lag) = PollSchedule.Follow(actual, forecast, TimeSpan.FromHours(12));
                var goal = Math.Max(PollSchedule.MinWaitSeconds, actual.TotalSeconds * PollSchedule.DenseFraction);
                var cost = looks * DrillCost.LookUsd(prices);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Span(actual)} | {label} | {lag.TotalSeconds:0} s | {goal:0} s {(lag.TotalSeconds <= goal ? "✓" : "✗")} | {looks} | {looks * nativeLook.Transitions} | ${cost:0.0000} |");
            }
        }

        var twoHours = TimeSpan.FromHours(2);
        var window = twoHours * (1 - PollSchedule.WindowStart);
        var waitingFunction = window.TotalSeconds * 128 / 1024.0 * prices.LambdaGbSecond;
        var denseLooks = PollSchedule.Follow(twoHours, twoHours, TimeSpan.FromHours(12)).Looks - PollSchedule.Follow(twoHours * PollSchedule.WindowStart, twoHours, TimeSpan.FromHours(12)).Looks;
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Waiting inside a function instead: a 128 MB function polling every few seconds through the dense window of a 2-hour restore ({Span(window)}) costs ${waitingFunction:0.0000} in GB-seconds alone, against ${denseLooks * DrillCost.LookUsd(prices):0.0000} for the state machine's {denseLooks} looks in the same window; the runner keeps polling from Step Functions. AWS Backup jobs cannot be polled from a function at all (no AWS Backup SDK on the build feed).");

        return md.ToString();
    }

    /// <summary>3. Many targets through the real ASL, AWS Backup targets, each function's memory, and the runner's overhead on RTO.</summary>
    private async Task<string> DrillsAsync(Settings settings, CancellationToken cancellationToken)
    {
        var md = new StringBuilder();
        var prices = PriceTable.For(PriceTable.DefaultRegion);
        var many = settings.Quick ? 50 : 500;
        Progress($"drilling {many} targets through the real state machine");
        var drill = await ScaleRuns.DrillManyAsync(many, TimeSpan.FromSeconds(2), cancellationToken);
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {many} {DrillsWords}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{many} DynamoDB tables (20 items each, PITR on, `maxConcurrentRestores` 50, restores of 2 s) drilled through").AppendLine("`statemachine/restore-drill.asl.json` on the local engine, functions and runs table as in AWS.").AppendLine()
            .AppendLine("| Measure | Measured | Goal (AWS limit) |").AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| Verdict | {drill.Verdict} | PASS |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Wall time | {drill.Wall.TotalSeconds:0.0} s | — |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Largest state payload | {drill.LargestPayloadBytes:N0} bytes ({drill.LargestPayloadState}) | ≤ 64 KB (256 KB) {(drill.LargestPayloadBytes <= 65536 ? "✓" : "✗")} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Most history events in one target's execution | {drill.MostHistoryEventsInOneTarget} (estimated: 5 per Task state, 2 per other) | ≤ 5,000 for a 2-hour restore (25,000) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Largest runs-table item | {drill.LargestRunsItemBytes:N0} bytes | ≤ 100 KB (400 KB) {(drill.LargestRunsItemBytes <= 102400 ? "✓" : "✗")} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Lambda invocations per target | {drill.InvocationsPerTarget:0.00} | — |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Runner's own cost per target (estimate) | ${drill.Cost?.RunnerUsdPerTarget:0.00000} | ≤ $0.01 |");
        var (twoHourLooks, _) = PollSchedule.Follow(TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.FromHours(12));
        // A table verified in one round; the child execution's start stands for its ExecutionStarted and ExecutionSucceeded events.
        var twoHourTarget = WorkflowShape.NativeTarget.With(twoHourLooks, rounds: 1, readsSourceScaling: true);
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"With a 2-hour restore forecast right, a target's execution makes {twoHourLooks} looks: {twoHourTarget.Transitions} state transitions and at most about {twoHourTarget.HistoryEvents} history events ({WorkflowShape.NativeTarget.Look.HistoryEvents} per look: wait 2, task 5, choice 2), far under the goal of 5,000.");

        var backups = settings.Quick ? 20 : Core.Plans.PlanRules.MaxBackupTargets;
        Progress($"drilling {backups} AWS Backup targets through the real state machine");
        var backup = await ScaleRuns.DrillManyAsync(backups, TimeSpan.FromSeconds(2), cancellationToken, awsBackupBuckets: true);
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"And {backups} aws-backup targets (S3 buckets of 20 objects restored by the local AWS Backup, the most a plan may name): verdict {backup.Verdict}, {backup.Wall.TotalSeconds:0.0} s, largest payload {backup.LargestPayloadBytes:N0} bytes ({backup.LargestPayloadState}), largest runs-table item {backup.LargestRunsItemBytes:N0} bytes, {backup.InvocationsPerTarget:0.00} invocations and at most {backup.MostHistoryEventsInOneTarget} history events per target, runner's cost ${backup.Cost?.RunnerUsdPerTarget:0.00000} per target.");

        // Function memory.
        Progress("measuring each function, one invocation at a time");
        var measured = await ScaleRuns.DrillManyAsync(settings.Quick ? 5 : 20, TimeSpan.FromSeconds(1), cancellationToken, measureFunctions: true);
        md.AppendLine().AppendLine("### Function memory").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"A drill of {measured.Targets} tables with invocations one at a time, each measured: the most any invocation allocated (process-wide, so the").AppendLine("local stand-ins serving its calls count too: an upper bound on what the function itself needs) and its mean duration here.").AppendLine()
            .AppendLine("| Function | Invocations | Mean duration | Most allocated by one invocation |").AppendLine("|---|---|---|---|");
        foreach (var (name, m) in measured.Functions.OrderByDescending(f => f.Value.MostAllocatedBytes))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {m.Invocations} | {m.Mean.TotalMilliseconds:0} ms | {m.MostAllocatedBytes / 1048576.0:0.0} MB |");
        }

        var most = measured.Functions.Values.Select(m => m.MostAllocatedBytes).DefaultIfEmpty(0).Max() / 1048576.0;
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Every function gets {DrillCost.FunctionMemoryMb} MB (template.yaml's Globals), right-sized from 1,024 MB on these figures: the most any invocation allocated here is {most:0.0} MB, small beside the .NET runtime's own ~100 MB; Lambda gives CPU in proportion to memory (1,769 MB = 1 vCPU), and {DrillCost.FunctionMemoryMb} MB keeps about {DrillCost.FunctionMemoryMb / 1769.0:0.0} vCPU for the counts' parallel scans. Not measured here: peak working set per function and cold starts in AWS.");

        // Runner overhead on RTO.
        var overhead = drill.MeanTargetOverheadSeconds;
        var overheadGoal = Math.Max(10, drill.RtoSeconds * 0.01);
        md.AppendLine().AppendLine("## Runner overhead on RTO").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"In the {many}-target drill, per target from its restore request to verified: restore {drill.MeanRestoreSeconds:0.00} s (as the looks measured it) + count {drill.MeanCountSeconds:0.00} s + **{overhead:0.00} s of the runner's own** (invocations, transitions, the local engine's 100 ms waits, {many} targets sharing 2 cores). The run's RTO was {drill.RtoSeconds:0.0} s, most of it waves of restores waiting for one of the {DynamoDbCapacity.ConcurrentRestores} concurrent slots. Goal ≤ max(10 s, 1 % of RTO) = {overheadGoal:0} s: {(overhead <= overheadGoal ? "met" : "not met")} here. In AWS the detection lag above comes on top: ≤ max(10 s, 1 %) of the restore with a forecast, ≤ 5 % without.");

        return md.ToString();
    }

    /// <summary>In the instant drill, every this-many-th table (the first included) has only backups; the rest have PITR.</summary>
    private const int InstantBackupOnlyEvery = 4;

    /// <summary>An application of many tables restored to one common instant T through the real state machine.</summary>
    private async Task<string> InstantAsync(Settings settings, CancellationToken cancellationToken)
    {
        var tables = settings.Quick ? 20 : 200;
        Progress($"drilling {tables} tables to one instant through the real state machine");
        var f = await InstantRuns.DrillToOneInstantAsync(tables, InstantBackupOnlyEvery, TimeSpan.FromSeconds(2), cancellationToken);
        var (drill, instant) = (f.Drill, f.Instant);
        var pitr = f.Targets.Count - f.BackupOnly;
        var restored = f.Targets.Count(t => t.Stage == Core.Runs.TargetStage.Verified);
        var skewed = f.Targets.Where(t => t.SkewSeconds is not null).MaxBy(t => t.SkewSeconds);
        var inWindows = f.Targets.Count(t => t.Window is { } w && instant.At >= w.Earliest && instant.At <= w.Latest);
        return new StringBuilder()
            .AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {tables} tables {InstantWords}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"One plan of {tables} DynamoDB tables (20 items each) with `\"recoveryInstant\": \"common\"`: {pitr} with PITR on, restored to exactly T (RestoreTableToPointInTime with")
            .AppendLine(CultureInfo.InvariantCulture, $"RestoreDateTime); every {InstantBackupOnlyEvery}th ({f.BackupOnly}) with PITR off and two on-demand backups, `restoreFrom` \"backup\", restored from its newest backup at or before T.")
            .AppendLine("`maxConcurrentRestores` 50, restores of 2 s, through `statemachine/restore-drill.asl.json` on the local engine, functions and runs table as in AWS.")
            .AppendLine("The tables are made just before the drill, which waits until the stand-in's PITR lag (AWS's ~5 minutes, 5 s here) has passed, so T can")
            .AppendLine("follow every window's start and every backup; a backup-only table's skew is therefore its backup's age at T.").AppendLine()
            .AppendLine("| Measure | Measured | Goal (AWS limit) |").AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| Verdict | {drill.Verdict} | PASS |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Targets restored and verified | {restored} of {f.Targets.Count} | all |")
            .AppendLine(CultureInfo.InvariantCulture, $"| T | {instant.At:u} ({instant.Select.Name()}), from {instant.WindowFrom:u} – {instant.WindowTo:u}, the window all {instant.ContinuousTargets} PITR tables could reach (start: {instant.EarliestBoundBy ?? "the plan"}, end: {instant.LatestBoundBy ?? "the drill's start"}); inside {inWindows} of the {pitr} tables' PITR windows as read after the drill | inside every PITR window {(inWindows == pitr ? "✓" : "✗")} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Choosing T (BeginDrill, before any restore) | {instant.ChoiceSeconds:0.000} s; {f.ContinuousBackupLooks} {InstantRuns.WindowCall} calls, {ChooseCommonInstant.ParallelLooks} at a time | one call per PITR table ({pitr}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Targets at exactly T (skew 0) | {f.AtT} | every PITR table ({pitr}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Largest skew | {f.LargestSkewSeconds:0.000} s ({skewed?.TargetId ?? "none"}{(skewed?.BackupOnly == true ? ", backup-only" : string.Empty)}) | recorded per target |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Largest state payload | {drill.LargestPayloadBytes:N0} bytes ({drill.LargestPayloadState}) | ≤ 64 KB (256 KB) {(drill.LargestPayloadBytes <= 65536 ? "✓" : "✗")} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Largest runs-table item | {drill.LargestRunsItemBytes:N0} bytes | ≤ 100 KB (400 KB) {(drill.LargestRunsItemBytes <= 102400 ? "✓" : "✗")} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Most history events in one target's execution | {drill.MostHistoryEventsInOneTarget} (estimated: 5 per Task state, 2 per other) | ≤ 5,000 for a 2-hour restore (25,000) {(drill.MostHistoryEventsInOneTarget <= 5000 ? "✓" : "✗")} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Drill wall time | {drill.Wall.TotalSeconds:0.0} s (RTO {drill.RtoSeconds:0.0} s) | — |").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Every target's skew ≤ {f.LargestSkewSeconds:0.000} s, as the run recorded it from the points the restores reported (`CommonInstant.SkewSeconds`). In AWS each DescribeContinuousBackups takes tens of milliseconds rather than the local world's few, so choosing T for {pitr} tables {ChooseCommonInstant.ParallelLooks} at a time takes about {Math.Ceiling(pitr / (double)ChooseCommonInstant.ParallelLooks)} rounds of calls — not measured here.")
            .ToString();
    }

    /// <summary>4. Reports over years of drills of many plans.</summary>
    private async Task<string> ReportAsync(Settings settings, CancellationToken cancellationToken)
    {
        var md = new StringBuilder();
        var plans = settings.Quick ? 10 : 100;
        const int weeks = 156;
        Progress($"reporting {plans} plans × {weeks} weekly drills");
        await using (var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken))
        {
            var seeded = Stopwatch.StartNew();
            var written = await HistorySeeder.SeedAsync(environment.Services.Plans, environment.Services.Runs, plans, weeks, time.GetUtcNow(), cancellationToken);
            seeded.Stop();
            var clock = Stopwatch.StartNew();
            var builder = new ReportBuilder(environment.Services.Runs, environment.Services.Plans);
            var now = time.GetUtcNow();
            var reports = new List<PlanReport>();
            foreach (var name in (await environment.Services.Plans.ListNamesAsync(cancellationToken)).Order(StringComparer.Ordinal))
            {
                reports.Add(await builder.BuildAsync(name, now.AddDays(-7 * weeks), now, cancellationToken));
            }

            var html = new HtmlReport().Render(reports, null, now.AddDays(-7 * weeks), now);
            clock.Stop();
            md.AppendLine().AppendLine($"## {ReportWords}").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"{plans} plans × {weeks} weekly drills ({written:N0} runs, seeded in {seeded.Elapsed.TotalSeconds:0.0} s): built and rendered as HTML in {clock.Elapsed.TotalSeconds:0.0} s; {Encoding.UTF8.GetByteCount(html) / 1024.0:N0} KB of HTML.");
        }

        return md.ToString();
    }

    /// <summary>The limits a plan is held to and the capacity model's sources: facts, not measurements.</summary>
    private static string LimitsAndModel()
    {
        var md = new StringBuilder();
        md.AppendLine().AppendLine(LimitsHeading).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Targets per plan: at most {Core.Plans.PlanRules.MaxTargets}; aws-backup targets at most {Core.Plans.PlanRules.MaxBackupTargets} (`plan validate` refuses more).")
            .AppendLine(CultureInfo.InvariantCulture, $"- Concurrent restores: DynamoDB runs at most {DynamoDbCapacity.ConcurrentRestores} restores per account at once; `maxConcurrentRestores` waits in waves, and a restore AWS refuses at the limit is retried.")
            .AppendLine(CultureInfo.InvariantCulture, $"- Time: a drill ends itself at 90 % of {Span(DrillDeadline.DefaultTimeLimit)}; every wave of restores takes at least {Span(DynamoDbCapacity.MinimumRestore)}, so `plan validate` refuses a plan whose waves cannot fit.")
            .AppendLine(CultureInfo.InvariantCulture, $"- Table size: none for counting (checkpointed across 10-minute invocations); 1 TB takes ~{Span(DynamoDbCapacity.FastestCount(DynamoDbCapacity.TiB))} at the 40,000-unit table quota.");
        md.AppendLine().AppendLine("## The capacity model").AppendLine()
            .AppendLine("`src/DrillRunner.Core/Kinds/DynamoDbCapacity.cs` holds each figure, used by the runner's forecasts and segment").AppendLine("sizing and by local mode's modelled tables (`src/DrillRunner.Local/Scale`):").AppendLine()
            .AppendLine("- a partition holds ~10 GB and serves ≤ 3,000 read units/s (DynamoDB Developer Guide: partitions; warm throughput — \"each partition is limited to 1,000 write units and 3,000 read units per second\");")
            .AppendLine("- an on-demand table serves ≤ 40,000 read request units/s by default (Developer Guide, \"maximum throughput for on-demand tables\", and Service quotas);")
            .AppendLine("- a read unit is 4 KB strongly consistent, half for eventually consistent; a Scan page reads ≤ 1 MB (API reference, Scan; DynamoDB pricing);")
            .AppendLine("- a PITR restore takes at least 20 minutes, usually under an hour, proportional to the largest partition (AWS re:Post knowledge center, \"Why does my DynamoDB table restoration take a long time?\");")
            .AppendLine("- **assumed**, not published: a full 10 GB partition copies in 35 minutes, and a sequential segment reader uses ~500 units/s (so segments = 2 × what the rate needs).").AppendLine()
            .AppendLine("Prices: `src/DrillRunner.Core/Capacity/PriceTable.cs` (one file, by region, with the day taken).");
        return md.ToString();
    }

    /// <summary>The coverage audit of a seeded estate through the real state machine, as a section of the page.</summary>
    private async Task<string> CoverageAsync(Settings settings, CancellationToken cancellationToken)
    {
        var (tables, others) = settings.Quick ? (40, 10) : (200, 50);
        consoles.Diagnostics.MarkupLineInterpolated($"[grey]auditing an estate of {tables} tables and {others} other resources…[/]");
        var a = await ScaleRuns.AuditEstateAsync(tables, others, cancellationToken);
        return new StringBuilder()
            .AppendLine().AppendLine($"## {CoverageWords}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`statemachine/coverage-audit.asl.json` on the local engine over {a.Tables} DynamoDB tables (PITR on two in three, an on-demand backup on one in five,").AppendLine(CultureInfo.InvariantCulture, $"a fifth of them in a plan, owned by CloudFormation stacks of 20 with YAML templates) and {a.OtherResources} other resources (RDS instances, DB clusters, S3 buckets, EBS volumes, EFS file systems, half").AppendLine("in AWS Backup, each of those points copied to a locked vault and to another account's vault in another region), with AWS's page sizes; the functions and runs table as in AWS, the listings answered by the local AWS world.").AppendLine()
            .AppendLine("| Measure | Measured |").AppendLine("|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| Audit wall time (list, describe, keep pages, judge) | **{a.Wall.TotalSeconds:0.0} s** |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Resources judged / left out | {a.Judged} / {a.Excluded} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Findings (+ advisory: shown, not failed, as no plan requires that event) | {string.Join(", ", a.Findings.Select(f => $"{f.Key} {f.Value}{(a.Advisory.GetValueOrDefault(f.Key) is > 0 and var more ? $" (+{more})" : string.Empty)}"))} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Read-only AWS calls | {a.AwsCalls:N0} (DescribeContinuousBackups and DescribeTable per table, GetTemplate per stack, one per listing page) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Pages kept in the runs table | {a.PagesKept} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| States entered | {a.StatesEntered:N0} (≈ ${a.StatesEntered * PriceTable.For(PriceTable.DefaultRegion).StateTransition:0.000} of transitions) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Largest state payload | {a.LargestPayloadBytes:N0} bytes ({a.LargestPayloadState}); Step Functions allows 256 KB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Largest runs-table item (the judged audit, with every resource's survival record, compressed; or a kept page) | {a.LargestRunsItemBytes:N0} bytes; DynamoDB allows 400 KB |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Seeding the estate (not part of the audit) | {a.Seeding.TotalSeconds:0.0} s |").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"In AWS each call takes tens of milliseconds rather than the local world's few, and DynamoDB's control plane paces DescribeContinuousBackups; the audit reads {Core.Kinds.EstateListing.ContinuousBackupsAtOnce} tables' PITR settings at a time and has an hour.")
            .ToString();
    }

    /// <summary>
    /// The page with <paramref name="section"/>'s part replaced by <paramref name="text"/>: from its heading to
    /// the heading of the next measured section (or the limits). A page without it gets it before the first
    /// section that follows it in <see cref="Sections"/>, or before the limits.
    /// </summary>
    internal static string ReplaceSection(string page, string sectionName, string text) => ReplaceSection(page, Sections.Single(s => s.Name == sectionName), text);

    private static string ReplaceSection(string page, Section section, string text)
    {
        var lines = page.Split('\n').ToList();
        bool Starts(string line, Section s) => line.StartsWith('#') && line.Contains(s.HeadingWords, StringComparison.Ordinal);
        var later = Sections.SkipWhile(s => s != section).Skip(1).ToList();
        int EndFrom(int from)
        {
            var end = lines.FindIndex(from, l => later.Any(s => Starts(l, s)) || l == LimitsHeading || (l.StartsWith("## ", StringComparison.Ordinal) && Sections.Any(s => Starts(l, s))));
            return end >= 0 ? end : lines.Count;
        }

        int InsertAt()
        {
            // Only the sections after it: any earlier one would put a new section ahead of the page's order.
            var at = lines.FindIndex(l => later.Any(s => Starts(l, s)) || l == LimitsHeading);
            return at >= 0 ? at : lines.Count;
        }

        var start = lines.FindIndex(l => Starts(l, section));
        var (replaceFrom, replaceTo) = start >= 0 ? (start, EndFrom(start + 1)) : (InsertAt(), InsertAt());
        var before = string.Join('\n', lines.Take(replaceFrom)).TrimEnd('\n');
        var after = string.Join('\n', lines.Skip(replaceTo));
        return before + "\n" + text + (after.Length > 0 ? "\n" + after : string.Empty);
    }

    private static string Gb(long bytes) => bytes >= DynamoDbCapacity.TiB ? $"{bytes / (double)DynamoDbCapacity.TiB:0.#} TB" : $"{bytes / (double)DynamoDbCapacity.GiB:0.#} GB";

    private static string Span(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";
}
