using System.Reflection;
using DrillRunner.Cli.Commands;
using DrillRunner.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli;

/// <summary>The `drill` command line, built so tests can drive it with their own consoles and clock.</summary>
public static class DrillApp
{
    /// <summary>What `drill --version` prints: the informational version the build stamps (version and commit).</summary>
    public static string Version { get; } = VersionOf(typeof(DrillApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <param name="console">Standard output: results, and the one JSON document in --json mode.</param>
    /// <param name="diagnostics">Standard error: progress and errors, so stdout stays parseable.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl-C or SIGTERM: commands end honestly and exit with <see cref="ExitCodes.Interrupted"/>.</param>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, IAnsiConsole diagnostics, TimeProvider time, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, diagnostics, time, validateExamples: false, cancellationToken);

    /// <param name="validateExamples">Tests: have Spectre parse every help example before running.</param>
    /// <param name="replace">Tests: registrations that replace the app's own (a store opener of fakes, say).</param>
    internal static async Task<int> RunAsync(string[] args, IAnsiConsole console, IAnsiConsole diagnostics, TimeProvider time, bool validateExamples, CancellationToken cancellationToken, Action<IServiceCollection>? replace = null)
    {
        // The CLI's composition root: what commands take through their constructors.
        var services = new ServiceCollection();
        services.AddSingleton(new OutputConsoles(console, diagnostics));
        services.AddSingleton(time);
        services.AddSingleton<IStoreOpener, DrillStoreOpener>();
        replace?.Invoke(services);

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("drill");
            config.SetApplicationVersion(Version);
            config.UseStrictParsing();
            config.SetHelpProvider(new DrillHelp(config.Settings));
            if (validateExamples)
            {
                config.ValidateExamples();
            }

            config.Settings.Console = diagnostics;
            config.SetExceptionHandler((exception, _) => Fail(diagnostics, exception, args, cancellationToken));
            Add<DemoCommand>(config.AddCommand<DemoCommand>);
            Add<RunCommand>(config.AddCommand<RunCommand>);
            Add<StatusCommand>(config.AddCommand<StatusCommand>);
            Add<HistoryCommand>(config.AddCommand<HistoryCommand>);
            Add<ReportCommand>(config.AddCommand<ReportCommand>);
            Add<CoverageCommand>(config.AddCommand<CoverageCommand>);
            Add<BenchCommand>(config.AddCommand<BenchCommand>);
            config.AddBranch(Branch("local"), local =>
            {
                local.SetDescription(BranchDescription("local"));
                Add<LocalSetupCommand>(local.AddCommand<LocalSetupCommand>);
                Add<LocalResetCommand>(local.AddCommand<LocalResetCommand>);
                Add<LocalSeedHistoryCommand>(local.AddCommand<LocalSeedHistoryCommand>);
            });
            config.AddBranch(Branch("plan"), plan =>
            {
                plan.SetDescription(BranchDescription("plan"));
                Add<PlanValidateCommand>(plan.AddCommand<PlanValidateCommand>);
                Add<PlanSuggestCommand>(plan.AddCommand<PlanSuggestCommand>);
                Add<PlanApplyCommand>(plan.AddCommand<PlanApplyCommand>);
            });
        });

        if (UsageErrors.Check(args) is { } problem)
        {
            diagnostics.WriteError(problem);
            return ExitCodes.UsageOrConfiguration;
        }

        // A branch alone (`drill local`) is a request for its help, not a mistake.
        var arguments = args is [var only] && CommandCatalog.Branches.Any(b => b.Name == only) ? [only, "--help"] : args;
        return await app.RunAsync(arguments, cancellationToken);
    }

    private static int Fail(IAnsiConsole diagnostics, Exception exception, string[] args, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            diagnostics.MarkupLine("[yellow]interrupted.[/]");
            return ExitCodes.Interrupted;
        }

        diagnostics.WriteError(UsageErrors.Describe(exception, args));
        return ExitCodes.UsageOrConfiguration;
    }

    /// <summary>Registers a command under the last word of its catalog path, with the catalog's description and examples.</summary>
    private static void Add<TCommand>(Func<string, ICommandConfigurator> add)
        where TCommand : class, ICommand
    {
        var entry = CommandCatalog.All.Single(e => e.Command == typeof(TCommand));
        var command = add(entry.Path[^1]).WithDescription(entry.Description);
        foreach (var example in entry.Examples)
        {
            command.WithExample([.. example]);
        }
    }

    /// <summary>"0.1.0+8aefd76b…" (the SDK appends the commit) → "0.1.0 (commit 8aefd76)".</summary>
    private static string VersionOf(string? informational) =>
        informational?.Split('+', 2) switch
        {
            [var version, var commit] => $"{version} (commit {commit[..Math.Min(7, commit.Length)]})",
            [var version] => version,
            _ => "unknown",
        };

    private static string Branch(string name) => CommandCatalog.Branches.Single(b => b.Name == name).Name;

    private static string BranchDescription(string name) => CommandCatalog.Branches.Single(b => b.Name == name).Description;
}
