using DrillRunner.Cli.Commands;

namespace DrillRunner.Cli;

/// <summary>
/// Every command `drill` has, in one place: DrillApp registers them from here, the help lists their
/// exit codes from here, usage errors suggest their options from here, and a test walks them all.
/// </summary>
internal static class CommandCatalog
{
    private const string RunsTable = "drillrunner-RunsTable-ABC123";

    private static readonly ExitCode Usage = new(ExitCodes.UsageOrConfiguration, "usage or configuration error: the message names what is wrong and the fix");
    private static readonly ExitCode Interrupted = new(ExitCodes.Interrupted, "interrupted (Ctrl-C or SIGTERM); the message says what became of the work in progress");
    private static readonly ExitCode Done = new(ExitCodes.Pass, "done");

    /// <summary>The branches (commands that only group others) and what each groups.</summary>
    public static IReadOnlyList<(string Name, string Description)> Branches { get; } =
    [
        ("local", "The local store that `--local` commands share (kept on disk: .drill/local in a clone, ~/.drill/local for the installed tool)."),
        ("plan", "Check and store drill plans."),
    ];

    public static IReadOnlyList<CommandEntry> All { get; } =
    [
        new(
            ["demo"],
            typeof(DemoCommand),
            "Run a full restore drill on this machine, with no AWS account: dynalite, the stand-in and the real state machine.",
            [["demo"], ["demo", "--scenario", "no-backups", "--json"]],
            [new(ExitCodes.Pass, "the drill PASSed (for --scenario consistency: the independent drill FAILed and the common-instant one PASSed, as the story says; for --scenario stack-deleted: the recovery drill restored all but the table nothing kept, whose loss makes its own verdict FAIL, as the story says)"), new(ExitCodes.NotPass, "any other verdict (or, for --scenario coverage, the audit found something)"), Usage, Interrupted]),
        new(
            ["run"],
            typeof(RunCommand),
            "Request a drill now; with --wait, follow it and exit with its verdict. Without --wait the exit code only says the request was written: a release gate must use --wait.",
            [
                ["run", "--plan", "prod", "--reason", "release 4.2", "--wait", "--timeout", "2h", "--table", RunsTable],
                ["run", "--local", "--plan", "demo-shop", "--reason", "try it", "--wait"],
            ],
            [
                new(ExitCodes.Pass, "the drill PASSed (with --wait; or --local, where the drill always runs in the command); in AWS without --wait: only that the request was written, NOT a verdict"),
                new(ExitCodes.NotPass, "any other verdict, or the plan is held by another run (not started)"),
                Usage,
                new(ExitCodes.TimedOut, "gave up waiting (--timeout); the drill goes on: ask `drill status` later"),
                Interrupted,
            ]),
        new(
            ["status"],
            typeof(StatusCommand),
            "Show a run: where it is, or its verdict, RTO and RPO.",
            [["status", "20261127-030000-ab12", "--local"], ["status", "--request", "3f2c9d0e6b7a4c1d8e9f0a1b2c3d4e5f", "--table", RunsTable]],
            [new(ExitCodes.Pass, "the run PASSed"), new(ExitCodes.NotPass, "any other verdict, still running, or the request has not begun a run"), Usage]),
        new(
            ["history"],
            typeof(HistoryCommand),
            "List a plan's runs, newest first.",
            [["history", "--plan", "prod", "--last", "10", "--local"]],
            [new(ExitCodes.Pass, "listed (also when the plan has no runs yet)"), Usage]),
        new(
            ["report"],
            typeof(ReportCommand),
            "Report RTO/RPO against objectives, trends, pass rate and staleness per plan (html, md, csv, json).",
            [["report", "--all", "--since", "90d", "--format", "html", "--out", "drills.html", "--local"]],
            [new(ExitCodes.Pass, "the report was written"), Usage]),
        new(
            ["coverage"],
            typeof(CoverageCommand),
            "Show the latest coverage audit (or run one: --now --wait): what no backup and no drill protects.",
            [["coverage", "--fail-on", "NOT_PROTECTED", "--table", RunsTable], ["coverage", "--local", "--now", "--wait", "--json"]],
            [
                new(ExitCodes.Pass, "nothing at or above --fail-on was found"),
                new(ExitCodes.NotPass, "a finding at or above --fail-on, or no audit recorded yet"),
                Usage,
                new(ExitCodes.TimedOut, "--wait gave up; the audit goes on: read it later with `drill coverage`"),
                Interrupted,
            ]),
        new(
            ["bench"],
            typeof(BenchCommand),
            "Measure drills at scale in local mode (modelled tables, 500 targets, detection lag, report) and write docs/benchmarks.md (benchmarks.md in the working directory for the installed tool).",
            [["bench", "--quick", "--out", "bench.md"], ["bench", "--only", BenchCommand.CoverageSection]],
            [new(ExitCodes.Pass, "measured and written"), Usage, Interrupted]),
        new(
            ["local", "setup"],
            typeof(LocalSetupCommand),
            "Seed the demo shop and its plan into the local store, for a scenario; then drill it with `drill run --local`.",
            [["local", "setup", "--scenario", "data-loss"], ["local", "setup", "--scenario", "estate", "--data", "/tmp/drill-estate"]],
            [Done, Usage]),
        new(
            ["local", "reset"],
            typeof(LocalResetCommand),
            "Delete the local store (its tables, backups, plans and runs).",
            [["local", "reset"]],
            [new(ExitCodes.Pass, "deleted, or there was nothing to delete"), Usage]),
        new(
            ["local", "seed-history"],
            typeof(LocalSeedHistoryCommand),
            "Add a synthetic history of weekly drills (plans history-01…), so the report has a year to show.",
            [["local", "seed-history", "--plans", "3", "--weeks", "52"]],
            [Done, Usage]),
        new(
            ["plan", "validate"],
            typeof(PlanValidateCommand),
            "Report every problem in a plan file, with its JSON path and how to fix it; with --resolve, what its \"select\" rules would drill now.",
            [["plan", "validate", "plans/example-plan.json"], ["plan", "validate", "plans/example-select-plan.json", "--resolve", "--local"]],
            [new(ExitCodes.Pass, "the plan is valid (with --resolve: and a drill beginning now would begin)"), new(ExitCodes.NotPass, "with --resolve: a drill beginning now would end at once in ERROR (a rule finds nothing, or the selection breaks a limit)"), new(ExitCodes.UsageOrConfiguration, "the plan is invalid (every problem is listed), the file cannot be read, or resources cannot be listed")]),
        new(
            ["plan", "suggest"],
            typeof(PlanSuggestCommand),
            "Draft a plan with a target for everything the latest coverage audit found in no plan; review it, then apply it.",
            [["plan", "suggest", "--from-coverage", "--out", "plans/suggested.json", "--table", RunsTable]],
            [new(ExitCodes.Pass, "drafted (or nothing to suggest)"), new(ExitCodes.NotPass, "no coverage audit recorded, or the draft needs changes before it can be applied"), Usage]),
        new(
            ["plan", "apply"],
            typeof(PlanApplyCommand),
            "Validate a plan, then store it as the next version in the runs table; runs record the version they used.",
            [["plan", "apply", "plans/prod.json", "--table", RunsTable]],
            [new(ExitCodes.Pass, "stored"), new(ExitCodes.UsageOrConfiguration, "the plan is invalid (every problem is listed), or a usage or configuration error")]),
    ];

    /// <summary>The command the arguments name (the longest path they start with), if any.</summary>
    public static CommandEntry? Find(IReadOnlyList<string> args) =>
        All.Where(e => e.Path.Count <= args.Count && e.Path.Select((name, i) => args[i] == name).All(match => match))
            .MaxBy(e => e.Path.Count);
}
