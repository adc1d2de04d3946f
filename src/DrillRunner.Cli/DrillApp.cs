using DrillRunner.Cli.Commands;
using DrillRunner.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli;

/// <summary>The `drill` command line, built so tests can drive it with their own consoles and clock.</summary>
public static class DrillApp
{
    /// <param name="console">Standard output: results, and the one JSON document in --json mode.</param>
    /// <param name="diagnostics">Standard error: progress and errors, so stdout stays parseable.</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, IAnsiConsole diagnostics, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new OutputConsoles(console, diagnostics));
        services.AddSingleton(time);

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("drill");
            config.Settings.Console = diagnostics;
            config.SetExceptionHandler((exception, _) =>
            {
                diagnostics.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                return ExitCodes.UsageOrConfiguration;
            });
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Run a full restore drill on this machine, with no AWS account: dynalite, the stand-in and the real state machine.")
                .WithExample("demo")
                .WithExample("demo", "--scenario", "no-backups", "--json");
            config.AddCommand<RunCommand>("run")
                .WithDescription("Request a drill now; with --wait, follow it and exit with its verdict (0 PASS, 1 other, 2 usage, 3 timed out).")
                .WithExample("run", "--plan", "prod", "--reason", "release 4.2", "--wait", "--timeout", "2h", "--table", "drillrunner-RunsTable-ABC123")
                .WithExample("run", "--local", "--plan", "demo-shop", "--reason", "try it", "--wait");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Show a run: where it is, or its verdict, RTO and RPO.")
                .WithExample("status", "20261127-030000-ab12", "--local");
            config.AddCommand<HistoryCommand>("history")
                .WithDescription("List a plan's runs, newest first.")
                .WithExample("history", "--plan", "prod", "--last", "10", "--local");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Report RTO/RPO against objectives, trends, pass rate and staleness per plan (html, md, csv, json).")
                .WithExample("report", "--all", "--since", "90d", "--format", "html", "--out", "drills.html", "--local");
            config.AddCommand<CoverageCommand>("coverage")
                .WithDescription("Show the latest coverage audit (or run one: --now --wait): what no backup and no drill protects. Exit 0 nothing at or above --fail-on, 1 found, 2 usage.")
                .WithExample("coverage", "--fail-on", "NOT_PROTECTED", "--table", "drillrunner-RunsTable-ABC123")
                .WithExample("coverage", "--local", "--now", "--wait", "--json");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Measure drills at scale in local mode (modelled tables, 500 targets, detection lag, report) and write docs/benchmarks.md.");
            config.AddBranch("local", local =>
            {
                local.SetDescription("The local store that `--local` commands share (kept on disk in .drill/local).");
                local.AddCommand<LocalSetupCommand>("setup").WithDescription("Seed the demo shop and its plan, for a scenario.");
                local.AddCommand<LocalResetCommand>("reset").WithDescription("Delete the local store.");
                local.AddCommand<LocalSeedHistoryCommand>("seed-history").WithDescription("Add a synthetic history of weekly drills (plans history-01…), so the report has a year to show.");
            });
            config.AddBranch("plan", plan =>
            {
                plan.SetDescription("Check and store drill plans.");
                plan.AddCommand<PlanValidateCommand>("validate")
                    .WithDescription("Report every problem in a plan file, with its JSON path and how to fix it. Exit 0 valid, 2 invalid.")
                    .WithExample("plan", "validate", "plans/example-plan.json");
                plan.AddCommand<PlanSuggestCommand>("suggest")
                    .WithDescription("Draft a plan with a target for everything the latest coverage audit found in no plan; review it, then apply it.")
                    .WithExample("plan", "suggest", "--from-coverage", "--out", "plans/suggested.json", "--table", "drillrunner-RunsTable-ABC123");
                plan.AddCommand<PlanApplyCommand>("apply")
                    .WithDescription("Validate a plan, then store it as the next version in the runs table; runs record the version they used.")
                    .WithExample("plan", "apply", "plans/prod.json", "--table", "drillrunner-RunsTable-ABC123");
            });
        });
        return await app.RunAsync(args);
    }
}
