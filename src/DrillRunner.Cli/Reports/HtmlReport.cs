using System.Net;
using System.Text;
using DrillRunner.Core.Reporting;

namespace DrillRunner.Cli.Reports;

/// <summary>
/// One self-contained HTML file (no fetches: inline CSS, inline SVG, a few lines of inline script)
/// that answers, for a reader who is not an engineer, whether recovery objectives are being met.
/// </summary>
public sealed class HtmlReport : IReportFormat
{
    public string Render(IReadOnlyList<PlanReport> reports, Core.Coverage.CoverageAudit? coverage, DateTimeOffset since, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Restore drills: are recovery objectives met?</title><style>").Append(Styles).Append("</style></head><body>");
        html.Append("<header><h1>Restore drills: are recovery objectives met?</h1>");
        html.Append($"<p class=\"meta\">Drills since {E(Text.Date(since))} · generated {E(Text.Date(generatedAt))}. A drill restores production's backups into scratch resources, checks the data and the application, and measures how long recovery took (RTO) and how much data would have been lost (RPO).</p></header>");

        // The first screen answers the two questions (is everything covered? are the objectives met?);
        // the findings that explain the first come after the answer to the second, not before it.
        CoverageHeadline(html, coverage);
        html.Append("<section class=\"overview\"><h2>At a glance</h2><table><thead><tr><th>Plan</th><th>Objectives met?</th><th>In plain words</th></tr></thead><tbody>");
        foreach (var r in reports)
        {
            html.Append($"<tr class=\"{(r.ObjectivesMet ? "met" : "not-met")}\"><td><a href=\"#plan-{E(r.PlanName)}\">{E(r.PlanName)}</a></td><td class=\"answer\">{(r.ObjectivesMet ? "Yes" : "No")}</td><td>{E(PlanSentence.Of(r))}</td></tr>");
        }

        html.Append("</tbody></table></section>");
        CoverageFindings(html, coverage);
        foreach (var r in reports)
        {
            Plan(html, r);
        }

        html.Append("<footer><p>RTO = time from the start of the drill (the simulated disaster) until the application answered healthy on the restored data. RPO = how far before the start of the drill the restored data reaches. A plan is stale when it has not passed for ").Append(ReportBuilder.StaleAfterDays).Append(" days.</p></footer>");
        html.Append("<script>").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    /// <summary>What no backup and no drill protects, in one line: the audit's headline, linked to its findings.</summary>
    private static void CoverageHeadline(StringBuilder html, Core.Coverage.CoverageAudit? audit)
    {
        html.Append("<section class=\"coverage\"><h2>Coverage: is everything protected and drilled?</h2>");
        if (audit is null)
        {
            html.Append("<p class=\"headline\">No coverage audit has been recorded, so nobody has checked for tables, buckets or databases that no backup and no drill protects. Run <code>drill coverage --now --wait</code>, and check the weekly audit is scheduled.</p></section>");
            return;
        }

        var findings = audit.Findings.Count(f => !f.Finding.Advisory);
        var advisory = audit.Findings.Count(f => f.Finding.Advisory);
        html.Append($"<p class=\"headline {(audit.Worst is { } worst ? Severity(worst) : "pass")}\">{E(audit.Headline())}");
        html.Append(findings + advisory > 0 ? $" <a href=\"#coverage-findings\">{findings} finding{(findings == 1 ? string.Empty : "s")}{(advisory > 0 ? $" (+{advisory} advisory)" : string.Empty)}, each with what to do, below.</a></p></section>" : "</p></section>");
    }

    /// <summary>The audit's findings, each with what to do, and what was left out and why: after "At a glance", foldable.</summary>
    private static void CoverageFindings(StringBuilder html, Core.Coverage.CoverageAudit? audit)
    {
        if (audit is null)
        {
            return;
        }

        var findings = audit.Findings.ToList();
        html.Append("<section class=\"coverage-findings\" id=\"coverage-findings\"><details open><summary><h2>");
        html.Append(findings.Count == 0 ? "Coverage: nothing found" : $"Coverage findings ({findings.Count}), most severe first");
        html.Append("</h2></summary>");
        html.Append($"<p class=\"meta\">Audit {E(audit.AuditId)} of account {E(audit.Account)} in {E(audit.Region)}, {E(Text.Date(audit.JudgedAt))}: {audit.Judged.Count()} resources judged, {audit.Excluded.Count()} left out. Backups are stale after {E(Core.Coverage.JudgeCoverage.Age(audit.Thresholds.BackupStaleAfter))}, drills after {E(Core.Coverage.JudgeCoverage.Age(audit.Thresholds.DrillStaleAfter))}.</p>");
        if (findings.Count > 0)
        {
            html.Append("<table class=\"findings\"><thead><tr><th>Finding</th><th>What</th><th>What to do</th></tr></thead><tbody>");
            foreach (var (_, finding) in findings)
            {
                html.Append($"<tr class=\"{(finding.Advisory ? "advisory" : Severity(finding.Kind))}\"><td class=\"answer\">{E(Core.Coverage.FindingNames.Of(finding.Kind))}{(finding.Advisory ? " <small>(advisory)</small>" : string.Empty)}</td><td>{E(finding.Sentence)}</td><td>{E(finding.Fix)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        SurvivalTable(html, audit);

        var excluded = audit.Excluded.ToList();
        if (excluded.Count > 0)
        {
            html.Append("<details><summary>Left out on purpose (").Append(excluded.Count).Append(")</summary><ul>");
            foreach (var entry in excluded)
            {
                html.Append($"<li>{E(Core.Coverage.JudgeCoverage.DisplayName(entry.Kind))} {E(entry.Name)}: {E(entry.ExcludedBecause!)}</li>");
            }

            html.Append("</ul></details>");
        }

        html.Append("</details></section>");
    }

    private static void Plan(StringBuilder html, PlanReport r)
    {
        html.Append($"<section class=\"plan\" id=\"plan-{E(r.PlanName)}\"><h2>{E(r.PlanName)}</h2>");
        html.Append($"<p class=\"headline {(r.Latest is { } l ? SvgChart.Css(l.Verdict) : "none")}\">{E(PlanSentence.Of(r))}</p>");
        html.Append("<div class=\"cards\">");
        Card(html, "Days since last PASS", Text.Days(r.DaysSinceLastPass), r.Stale);
        Card(html, "RTO, latest / objective", $"{Text.Duration(r.Latest?.RtoSeconds)} / {Text.Duration(r.RtoObjectiveMinutes * 60)}", r.Latest?.RtoSeconds is not { } rto || rto > r.RtoObjectiveMinutes * 60);
        Card(html, "RPO, latest / objective", $"{Text.Duration(r.Latest?.RpoSeconds)} / {Text.Duration(r.RpoObjectiveMinutes * 60)}", r.Latest?.RpoSeconds is not { } rpo || rpo > r.RpoObjectiveMinutes * 60);
        Card(html, "RTO p50 / p95", $"{Text.Duration(r.RtoP50Seconds)} / {Text.Duration(r.RtoP95Seconds)}", r.RtoP95Seconds > r.RtoObjectiveMinutes * 60);
        Card(html, "Worst RPO", Text.Duration(r.WorstRpoSeconds), r.WorstRpoSeconds > r.RpoObjectiveMinutes * 60);
        Card(html, "Pass rate", $"{Text.Percent(r.PassRate)} ({r.Passes} of {r.Runs})", r.PassRate is not 1);
        Card(html, "Cost per drill / month (est.)", r.MeanDrillCostUsd is { } cost ? $"{Text.Usd(cost)} / {(r.CostPerMonthUsd is { } month ? Text.Usd(month) : Text.PaceUnknown)}" : r.Runs == 0 ? Text.NoDrill : Text.CostNotRecorded, false);
        html.Append("</div><div class=\"charts\">");
        html.Append("<figure>").Append(SvgChart.Render($"rto-chart-{r.PlanName}", $"RTO per drill, {r.PlanName}", r.Points, p => p.RtoSeconds, r.RtoObjectiveMinutes * 60)).Append("<figcaption>Recovery time (RTO) of each drill that measured one; dashed: the objective.</figcaption></figure>");
        html.Append("<figure>").Append(SvgChart.Render($"rpo-chart-{r.PlanName}", $"RPO per drill, {r.PlanName}", r.Points, p => p.RpoSeconds, r.RpoObjectiveMinutes * 60)).Append("<figcaption>Data-loss window (RPO) of each drill that found a recovery point for every target; dashed: the objective.</figcaption></figure>");
        html.Append("</div><p class=\"detail\" aria-live=\"polite\"></p>");

        if (r.NeverVerified.Count > 0)
        {
            html.Append($"<p class=\"warning\">Never verified in the window: {E(PlanSentence.Unverified(r.NeverVerified))}. {E(PlanSentence.UnverifiedWarning(r.NeverVerified))}</p>");
        }

        if (r.CopiesProven.Count > 0)
        {
            html.Append("<h3>Copies proven by the latest drill</h3><ul class=\"copies\">");
            foreach (var copy in r.CopiesProven)
            {
                html.Append($"<li><strong>{E(copy.TargetId)}</strong>: {E(copy.Sentence)}</li>");
            }

            html.Append("</ul>");
        }

        if (r.RunbookGaps.Count + r.RunbookGapNotRecorded.Count > 0)
        {
            html.Append("<h3>Recovery runbook: what a real recovery would still do by hand</h3><ul class=\"runbook\">");
            foreach (var gap in r.RunbookGaps)
            {
                html.Append($"<li><strong>{E(gap.TargetId)}</strong>: {E(gap.Sentence)}</li>");
            }

            foreach (var target in r.RunbookGapNotRecorded)
            {
                html.Append($"<li><strong>{E(target)}</strong>: {E(Text.RunbookGapNotRecorded)}</li>");
            }

            html.Append("</ul>");
        }

        Relations(html, r);
        html.Append("<h3>Per target</h3><table><thead><tr><th>Target</th><th>Source</th><th>Restores</th><th>Restore time, median (latest)</th><th>Verification time, median (latest)</th><th>Oldest backup proven restorable</th></tr></thead><tbody>");
        foreach (var t in r.Targets)
        {
            html.Append($"<tr><td>{E(t.TargetId)}</td><td>{E(t.SourceName)}</td><td>{t.Restores}</td><td>{E(Text.Duration(t.MedianRestoreSeconds))} ({E(Text.Duration(t.LatestRestoreSeconds))})</td><td>{E(Text.Duration(t.MedianVerifySeconds))} ({E(Text.Duration(t.LatestVerifySeconds))})</td><td>{E(OldestProven(t))}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append($"<h3>Drills that did not pass ({r.Failures.Count})</h3>");
        if (r.Failures.Count == 0)
        {
            html.Append("<p>None in the window.</p>");
        }
        else
        {
            html.Append("<ul class=\"failures\">");
            foreach (var f in r.Failures)
            {
                html.Append($"<li data-run=\"{E(f.RunId)}\"><span class=\"badge {SvgChart.Css(f.Verdict)}\">{E(Text.Verdict(f.Verdict))}</span> {E(Text.Date(f.StartedAt))}: {E(f.Reason)} <code>{E(f.RunId)}</code></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    /// <summary>A finding's colour is its severity's: red for known-bad, amber for unknown or old proof; never the green of "met".</summary>
    /// <summary>"Would we survive?": per resource its owner and, per event, yes/no/unknown with the surviving copy or why none survives.</summary>
    private static void SurvivalTable(StringBuilder html, Core.Coverage.CoverageAudit audit)
    {
        var judged = audit.Judged.Where(e => e.Survival is not null).ToList();
        if (judged.Count == 0)
        {
            return;
        }

        html.Append("<h3 id=\"would-we-survive\">Would we survive?</h3><p class=\"meta\">Required: the resource's plans' survival.require, else the stack's SurvivalRequire; an advisory answer fails nothing.</p>");
        html.Append("<table class=\"survival\"><thead><tr><th>Resource</th>");
        foreach (var heading in Core.Coverage.SurvivalTable.Headings)
        {
            html.Append($"<th>{E(heading)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var entry in judged)
        {
            var survival = entry.Survival!;
            html.Append($"<tr><td>{E(Core.Coverage.JudgeCoverage.DisplayName(entry.Kind))} {E(entry.Name)}</td><td>{E(Core.Coverage.SurvivalTable.Owner(survival))}</td>");
            foreach (var e in Enum.GetValues<Core.Plans.SurvivalEvent>())
            {
                var answer = survival.Of(e).Answer;
                var css = answer == Core.Coverage.Survival.Survives.Yes ? "survives" : !survival.Required.Contains(e) ? "advisory" : answer == Core.Coverage.Survival.Survives.No ? "severity-critical" : "severity-warning";
                html.Append($"<td class=\"{css}\"><span class=\"answer\">{E(Core.Coverage.SurvivalTable.Verdict(survival, e))}</span> {E(Core.Coverage.SurvivalTable.Reason(survival, e))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Severity(Core.Coverage.FindingKind kind) => Core.Coverage.FindingSeverities.Of(kind) switch
    {
        Core.Coverage.FindingSeverity.Critical => "severity-critical",
        Core.Coverage.FindingSeverity.Warning => "severity-warning",
        var other => throw new ArgumentOutOfRangeException(nameof(kind), other, "a severity without a colour"),
    };

    /// <summary>The latest drill's relations between restored targets: which hold, which do not, which were not checked and why.</summary>
    private static void Relations(StringBuilder html, PlanReport r)
    {
        if (r.Relations.Count == 0)
        {
            return;
        }

        html.Append("<h3>Relations between restored targets (latest drill)</h3><ul class=\"relations\">");
        foreach (var relation in r.Relations)
        {
            var outcome = Core.Runs.RelationSummary.Outcome(relation);
            html.Append($"<li class=\"{(relation.Passed ? "pass" : "fail")}\"><strong>{E(relation.RelationId)}</strong> ({E(relation.Description)}) <strong>{E(outcome)}</strong>: {E(relation.Why + Core.Runs.RelationSummary.Sample(relation))}</li>");
        }

        html.Append("</ul>");
    }

    private static void Card(StringBuilder html, string label, string value, bool bad) =>
        html.Append($"<div class=\"card{(bad ? " bad" : string.Empty)}\"><div class=\"label\">{E(label)}</div><div class=\"value\">{E(value)}</div></div>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Styles = """
        :root{--pass:#1a7f37;--fail:#cf222e;--obj:#9a6700;--error:#6e7781;--ink:#1f2328;--muted:#57606a;--line:#d0d7de}
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);max-width:1100px;margin:0 auto;padding:24px;line-height:1.45}
        h1{font-size:1.7rem;margin:0 0 4px}.meta{color:var(--muted)}
        table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
        .overview .answer{font-weight:700}.overview td:first-child,.overview .answer{white-space:nowrap}.met .answer{color:var(--pass)}.not-met .answer{color:var(--fail)}
        .findings .answer{font-weight:700}.severity-critical .answer{color:var(--fail)}.severity-warning .answer{color:var(--obj)}.headline.severity-critical{border-color:var(--fail)}.headline.severity-warning{border-color:var(--obj)}
        summary{cursor:pointer}summary h2{display:inline}.coverage-findings{margin-top:20px}
        .advisory,.advisory .answer{color:var(--muted)}.survival .answer{font-weight:700;display:block}.survival .survives .answer{color:var(--pass)}.survival td{font-size:.9rem}
        .plan{border-top:3px solid var(--line);margin-top:28px;padding-top:8px}
        .headline{font-size:1.05rem;padding:8px 12px;border-left:6px solid var(--error);background:#f6f8fa}
        .headline.pass{border-color:var(--pass)}.headline.fail{border-color:var(--fail)}.headline.fail-objective{border-color:var(--obj)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:10px;margin:12px 0}
        .card{border:1px solid var(--line);border-radius:8px;padding:8px 10px}.card .label{color:var(--muted);font-size:.85rem}.card .value{font-size:1.15rem;font-weight:600}
        .card.bad{border-color:var(--fail)}.card.bad .value{color:var(--fail)}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px}figure{margin:0}figcaption{color:var(--muted);font-size:.85rem}
        .chart .grid{stroke:#eaeef2}.chart .axis,.chart .empty{font-size:11px;fill:var(--muted)}.chart .objective{stroke:var(--obj);stroke-dasharray:6 4;stroke-width:2}
        .chart .objective-label{font-size:11px;fill:var(--obj)}.chart .trend{fill:none;stroke:#8c959f;stroke-width:1.5}
        .chart .point{stroke:#fff;stroke-width:1.5;cursor:pointer}.point.pass{fill:var(--pass)}.point.fail{fill:var(--fail)}.point.fail-objective{fill:var(--obj)}.point.error{fill:var(--error)}
        .chart .point.selected{stroke:var(--ink);stroke-width:3}
        .badge{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:.8rem;font-weight:700}.badge.fail{background:var(--fail)}.badge.fail-objective{background:var(--obj)}.badge.error{background:var(--error)}
        .failures li.selected{background:#fff8c5}.warning{color:var(--fail);font-weight:600}.detail{min-height:1.4em;color:var(--muted)}
        footer{color:var(--muted);font-size:.85rem;margin-top:32px}
        """;

    // Clicking (or pressing Enter on) a point shows its drill and highlights it in the failure list.
    private const string Script = """
        document.documentElement.setAttribute('data-ready', 'yes');
        document.querySelectorAll('.plan').forEach(function (plan) {
          var detail = plan.querySelector('.detail');
          plan.querySelectorAll('circle.point').forEach(function (point) {
            function pick() {
              plan.querySelectorAll('.selected').forEach(function (e) { e.classList.remove('selected'); });
              point.classList.add('selected');
              var row = plan.querySelector('.failures li[data-run="' + point.getAttribute('data-run') + '"]');
              if (row) { row.classList.add('selected'); }
              detail.textContent = point.querySelector('title').textContent + (row ? ' — ' + row.textContent : '');
            }
            point.addEventListener('click', pick);
            point.addEventListener('keydown', function (e) { if (e.key === 'Enter') { pick(); } });
          });
        });
        """;

    /// <summary>"2026-11-01 03:00 UTC (proven 2026-11-27 03:00 UTC)": the oldest point a drill restored and verified, and when.</summary>
    internal static string OldestProven(TargetTimes t) =>
        t.OldestProvenPoint is { } point ? $"{Text.Date(point)} (proven {(t.OldestProvenOn is { } on ? Text.Date(on) : "-")})" : "none yet";
}
