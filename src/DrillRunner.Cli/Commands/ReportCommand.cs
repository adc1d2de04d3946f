using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Cli.Reports;
using DrillRunner.Core.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill report`: RTO/RPO against objectives, trend, pass rate and staleness, per plan.</summary>
public sealed class ReportCommand(OutputConsoles consoles, TimeProvider time, IStoreOpener stores) : AsyncCommand<ReportCommand.Settings>
{
    private static readonly Dictionary<string, IReportFormat> Formats = new(StringComparer.Ordinal)
    {
        ["html"] = new HtmlReport(),
        ["md"] = new MarkdownReport(),
        ["csv"] = new CsvReport(),
        ["json"] = new JsonReport(),
    };

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--plan <NAME>")]
        [Description("One plan. Leave out (or --all) for every stored plan.")]
        public string? Plan { get; init; }

        [CommandOption("--all")]
        [Description("Every stored plan (the default).")]
        public bool All { get; init; }

        [CommandOption("--since <DURATION>")]
        [Description("The window: drills started within this long before now (default 90d).")]
        public string Since { get; init; } = "90d";

        [CommandOption("--format <FORMAT>")]
        [Description("html, md, csv or json.")]
        public string Format { get; init; } = string.Empty;

        [CommandOption("--out <FILE>")]
        [Description("Write to this file instead of stdout.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (!Formats.ContainsKey(Format))
            {
                return ValidationResult.Error(string.IsNullOrEmpty(Format)
                    ? $"--format is required: one of {string.Join(", ", Formats.Keys)}."
                    : $"--format '{Format}' is not a format. Use one of {string.Join(", ", Formats.Keys)} (lower case).");
            }

            if (Plan is not null && All)
            {
                return ValidationResult.Error("Give --plan NAME or --all, not both.");
            }

            return Durations.TryParse(Since, out _) ? base.Validate() : ValidationResult.Error($"--since '{Since}' is not a duration. Use e.g. 30d or 12h.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Durations.TryParse(settings.Since, out var window);
        await using var store = await stores.OpenAsync(settings, context, StoreAccess.Shared, cancellationToken);
        var now = time.GetUtcNow();
        var since = now - window;
        if (settings.Plan is { } named && await StoredPlanName.ProblemAsync(store, named, settings.StoreOptions, cancellationToken) is { } problem)
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[red]{problem}[/]");
            return ExitCodes.UsageOrConfiguration;
        }

        var names = settings.Plan is { } one ? [one] : (await store.Plans.ListNamesAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            consoles.Diagnostics.MarkupLineInterpolated($"[yellow]no plans stored in {store.Description}[/]; store one with `drill plan apply FILE{settings.StoreOptions}`.");
            return ExitCodes.UsageOrConfiguration;
        }

        var builder = store.ReportBuilder();
        var reports = new List<PlanReport>();
        foreach (var name in names)
        {
            reports.Add(await builder.BuildAsync(name, since, now, cancellationToken));
        }

        var document = Formats[settings.Format].Render(reports, await store.Coverage.LatestAsync(cancellationToken), since, now);
        if (settings.Out is { } file)
        {
            await File.WriteAllTextAsync(file, document, cancellationToken);
            consoles.Diagnostics.MarkupLineInterpolated($"wrote {settings.Format} report of {reports.Count} plan(s) to {file}");
        }
        else
        {
            consoles.Out.Profile.Out.Writer.Write(document);
        }

        return ExitCodes.Pass;
    }
}
