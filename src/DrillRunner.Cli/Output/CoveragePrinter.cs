using System.Text.Json;
using System.Text.Json.Nodes;
using Text = DrillRunner.Cli.Reports.Text;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Json;
using DrillRunner.Core.Runs;
using Spectre.Console;

namespace DrillRunner.Cli.Output;

/// <summary>A coverage audit as a person reads it: the headline, each finding with what to do, every resource, whether each would survive its stack's deletion and its account's and region's loss, and what was left out and why.</summary>
public static class CoveragePrinter
{
    public static void Print(IAnsiConsole console, CoverageAudit audit, FindingKind failOn)
    {
        var worst = audit.Worst;
        var colour = worst is null ? "green" : audit.Fails(failOn) ? "red" : "yellow";
        console.Write(new Rule($"[{colour} bold]{(worst is { } w ? FindingNames.Of(w) : "COVERED")}[/]  coverage audit {Markup.Escape(audit.AuditId)}").LeftJustified());
        console.MarkupLineInterpolated($"Account {audit.Account}, {audit.Region}, judged {Text.Date(audit.JudgedAt)}; BACKUP_STALE after {JudgeCoverage.Age(audit.Thresholds.BackupStaleAfter)}, DRILL_STALE after {JudgeCoverage.Age(audit.Thresholds.DrillStaleAfter)}.");
        console.MarkupLineInterpolated($"[bold]{audit.Headline()}[/]");
        console.WriteLine();

        foreach (var (_, finding) in audit.Findings)
        {
            var findingColour = finding.Advisory ? "grey" : finding.Kind >= failOn ? "red" : "yellow";
            console.MarkupLineInterpolated($"[{findingColour}]{FindingNames.Of(finding.Kind),-13}[/] {(finding.Advisory ? "(advisory) " : string.Empty)}{finding.Sentence}");
            console.MarkupLineInterpolated($"[grey]{string.Empty,-13} → {finding.Fix}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Resource", "Newest recovery point", "Plans", "Last drill", "Last PASS", "Findings");
        foreach (var entry in audit.Judged)
        {
            table.AddRow(
                Markup.Escape($"{JudgeCoverage.DisplayName(entry.Kind)}\n{entry.Name}"),
                Markup.Escape(Newest(entry, audit.JudgedAt)),
                Markup.Escape(entry.Plans.Count > 0 ? string.Join(", ", entry.Plans) : "none"),
                Markup.Escape(entry.LastDrill is { } last ? $"{(last.Verdict is { } v ? VerdictNames.Of(v) : "?")} {last.StartedAt:yyyy-MM-dd}\nRTO {Text.Duration(last.RtoSeconds)}, RPO {Text.Duration(last.RpoSeconds)}" : "never"),
                Markup.Escape(entry.LastPassAt is { } pass ? $"{JudgeCoverage.Age(audit.JudgedAt - pass)} ago" : entry.Plans.Count > 0 ? "never" : "—"),
                entry.Findings.Count == 0 ? "[green]none[/]" : Markup.Escape(string.Join("\n", entry.Findings.Select(f => FindingNames.Of(f.Kind) + (f.Advisory ? " (advisory)" : string.Empty)))));
        }

        console.Write(table);
        PrintSurvival(console, audit);
        var excluded = audit.Excluded.ToList();
        if (excluded.Count > 0)
        {
            console.MarkupLineInterpolated($"[bold]Left out ({excluded.Count}):[/]");
            foreach (var entry in excluded)
            {
                console.MarkupLineInterpolated($"  {JudgeCoverage.DisplayName(entry.Kind)} {entry.Name}: {entry.ExcludedBecause}");
            }
        }

        foreach (var plan in audit.UnreadablePlans)
        {
            console.MarkupLineInterpolated($"[yellow]plan not read:[/] {plan} (fix it with drill plan validate, then apply it again)");
        }

        console.MarkupLineInterpolated($"{string.Join(", ", FindingNames.BySeverity.Select(k => $"{FindingNames.Of(k)} {audit.Count(k)}{(audit.CountAdvisory(k) is > 0 and var advisory ? $" (+{advisory} advisory)" : string.Empty)}"))}; failing on {FindingNames.Of(failOn)} or worse; advisory findings (events a resource is not required to survive) fail nothing.");
        var failing = FindingNames.BySeverity.Where(k => k >= failOn && audit.Count(k) > 0).Select(k => $"{FindingNames.Of(k)} ×{audit.Count(k)}").ToList();
        console.MarkupLineInterpolated($"{(failing.Count > 0 ? $"Fails (exit 1) because of: {string.Join(", ", failing)}." : $"Nothing at or above {FindingNames.Of(failOn)}: passes (exit 0).")}");
    }

    /// <summary>"Would we survive?": per resource its owner and, per event, yes/no/unknown with the surviving copy or why none survives.</summary>
    internal static void PrintSurvival(IAnsiConsole console, CoverageAudit audit)
    {
        var judged = audit.Judged.Where(e => e.Survival is not null).ToList();
        if (judged.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Would we survive?[/] (required: the resource's plans' survival.require, else the stack's SurvivalRequire)");
        var table = new Table().Border(TableBorder.Rounded).AddColumns(["Resource", .. SurvivalTable.Headings]);
        foreach (var entry in judged)
        {
            var survival = entry.Survival!;
            table.AddRow([
                Markup.Escape($"{JudgeCoverage.DisplayName(entry.Kind)}\n{entry.Name}"),
                Markup.Escape(SurvivalTable.Owner(survival)),
                .. Enum.GetValues<SurvivalEvent>().Select(e => $"[{Colour(survival, e)}]{Markup.Escape(SurvivalTable.Verdict(survival, e))}[/]\n{Markup.Escape(SurvivalTable.Reason(survival, e))}"),
            ]);
        }

        console.Write(table);
    }

    private static string Colour(Survivability survival, SurvivalEvent e) => survival.Of(e).Answer switch
    {
        Survives.Yes => "green",
        _ when !survival.Required.Contains(e) => "grey",
        Survives.No => "red",
        _ => "yellow",
    };

    /// <summary>The audit as one JSON document, with the threshold it was judged against and whether it fails.</summary>
    public static string Json(CoverageAudit audit, FindingKind failOn)
    {
        var document = JsonSerializer.SerializeToNode(audit, DrillJson.Default.CoverageAudit)!.AsObject();
        document["headline"] = audit.Headline();
        document["counts"] = new JsonObject(FindingNames.BySeverity.Select(k => KeyValuePair.Create(FindingNames.Of(k), (JsonNode?)audit.Count(k))));
        document["advisoryCounts"] = new JsonObject(FindingNames.BySeverity.Select(k => KeyValuePair.Create(FindingNames.Of(k), (JsonNode?)audit.CountAdvisory(k))));
        document["failOn"] = FindingNames.Of(failOn);
        document["fails"] = audit.Fails(failOn);
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Newest(CoverageEntry entry, DateTimeOffset now) => entry.Newest switch
    {
        { NewestAt: { } at } newest => $"{JudgeCoverage.Age(now - at)} ago\n({newest.Source})",
        { } newest => newest.Source,
        null => "none",
    };
}
