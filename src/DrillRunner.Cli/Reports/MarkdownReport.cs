using System.Text;
using DrillRunner.Core.Reporting;

namespace DrillRunner.Cli.Reports;

/// <summary>For pasting into a wiki page or a pull request.</summary>
public sealed class MarkdownReport : IReportFormat
{
    public string Render(IReadOnlyList<PlanReport> reports, Core.Coverage.CoverageAudit? coverage, DateTimeOffset since, DateTimeOffset generatedAt)
    {
        var md = new StringBuilder();
        md.AppendLine("# Restore drills: are recovery objectives met?").AppendLine();
        md.AppendLine($"Window: since {Text.Date(since)} · generated {Text.Date(generatedAt)}").AppendLine();
        Coverage(md, coverage);
        md.AppendLine("| Plan | Objectives met | Latest verdict | Days since last PASS | RTO latest / objective | RPO latest / objective | RTO p50 / p95 | Worst RPO | Pass rate |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in reports)
        {
            md.AppendLine($"| {Cell(r.PlanName)} | {(r.ObjectivesMet ? "yes" : "**no**")} | {(r.Latest is { } l ? $"{Text.Verdict(l.Verdict)} ({Text.Date(l.StartedAt)})" : "no drill")} | {Text.Days(r.DaysSinceLastPass)}{(r.Stale ? " (stale)" : string.Empty)} | {Text.Duration(r.Latest?.RtoSeconds)} / {Text.Duration(r.RtoObjectiveMinutes * 60)} | {Text.Duration(r.Latest?.RpoSeconds)} / {Text.Duration(r.RpoObjectiveMinutes * 60)} | {Text.Duration(r.RtoP50Seconds)} / {Text.Duration(r.RtoP95Seconds)} | {Text.Duration(r.WorstRpoSeconds)} | {Text.Percent(r.PassRate)} ({r.Passes}/{r.Runs}) |");
        }

        foreach (var r in reports)
        {
            md.AppendLine().AppendLine($"## {r.PlanName}").AppendLine();
            md.AppendLine(Cell(PlanSentence.Of(r))).AppendLine();
            md.AppendLine(r.MeanDrillCostUsd is { } cost
                ? $"Cost (estimate): {Text.Usd(cost)} per drill, of which the runner's own {Text.Usd(r.MeanRunnerCostUsd)}; {(r.CostPerMonthUsd is { } month ? $"about {Text.Usd(month)} per month at this pace" : Text.PaceUnknown)}."
                : $"Cost (estimate): {(r.Runs == 0 ? Text.NoDrill : Text.CostNotRecorded)}.").AppendLine();
            foreach (var copy in r.CopiesProven)
            {
                md.AppendLine($"- {Cell(copy.TargetId)}: {Cell(copy.Sentence)}");
            }

            if (r.CopiesProven.Count > 0)
            {
                md.AppendLine();
            }

            foreach (var gap in r.RunbookGaps)
            {
                md.AppendLine($"- Runbook gap, {gap.TargetId}: {Cell(gap.Sentence)}");
            }

            foreach (var target in r.RunbookGapNotRecorded)
            {
                md.AppendLine($"- Runbook gap, {Cell(target)}: {Text.RunbookGapNotRecorded}");
            }

            if (r.RunbookGaps.Count + r.RunbookGapNotRecorded.Count > 0)
            {
                md.AppendLine();
            }

            Relations(md, r);
            if (r.NeverVerified.Count > 0)
            {
                md.AppendLine($"Never verified in the window: {Cell(PlanSentence.Unverified(r.NeverVerified))}. {PlanSentence.UnverifiedWarning(r.NeverVerified)}").AppendLine();
            }

            md.AppendLine("| Target | Restores | Restore median (latest) | Verification median (latest) | Oldest backup proven restorable |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var t in r.Targets)
            {
                md.AppendLine($"| {Cell(t.TargetId)} ({Cell(t.SourceName)}) | {t.Restores} | {Text.Duration(t.MedianRestoreSeconds)} ({Text.Duration(t.LatestRestoreSeconds)}) | {Text.Duration(t.MedianVerifySeconds)} ({Text.Duration(t.LatestVerifySeconds)}) | {HtmlReport.OldestProven(t)} |");
            }

            if (r.Failures.Count > 0)
            {
                md.AppendLine().AppendLine("Failures:").AppendLine();
                foreach (var f in r.Failures)
                {
                    md.AppendLine($"- {Text.Date(f.StartedAt)} `{f.RunId}` **{Text.Verdict(f.Verdict)}**: {Cell(f.Reason)}");
                }
            }
        }

        return md.ToString();
    }

    /// <summary>What no backup and no drill protects, first.</summary>
    /// <summary>The latest drill's relations, one line each, so a dangling reference is read beside the plan's verdict.</summary>
    private static void Relations(StringBuilder md, PlanReport r)
    {
        foreach (var relation in r.Relations)
        {
            md.AppendLine($"- Relation {Cell(relation.RelationId)} ({Cell(relation.Description)}) **{Core.Runs.RelationSummary.Outcome(relation)}**: {Cell(relation.Why + Core.Runs.RelationSummary.Sample(relation))}");
        }

        if (r.Relations.Count > 0)
        {
            md.AppendLine();
        }
    }

    private static void Coverage(StringBuilder md, Core.Coverage.CoverageAudit? audit)
    {
        md.AppendLine("## Coverage").AppendLine();
        if (audit is null)
        {
            md.AppendLine("No coverage audit has been recorded: run `drill coverage --now --wait`, and check the weekly audit is scheduled.").AppendLine();
            return;
        }

        md.AppendLine($"**{audit.Headline()}**").AppendLine();
        md.AppendLine($"Audit `{audit.AuditId}` of account {audit.Account} in {audit.Region}, {Text.Date(audit.JudgedAt)}.").AppendLine();
        var findings = audit.Findings.ToList();
        if (findings.Count > 0)
        {
            md.AppendLine("| Finding | What | What to do |").AppendLine("|---|---|---|");
            foreach (var (_, finding) in findings)
            {
                md.AppendLine($"| {Core.Coverage.FindingNames.Of(finding.Kind)}{(finding.Advisory ? " (advisory)" : string.Empty)} | {Cell(finding.Sentence)} | {Cell(finding.Fix)} |");
            }

            md.AppendLine();
        }

        var survivals = audit.Judged.Where(e => e.Survival is not null).ToList();
        if (survivals.Count > 0)
        {
            md.AppendLine("### Would we survive?").AppendLine();
            md.AppendLine($"| Resource | {string.Join(" | ", Core.Coverage.SurvivalTable.Headings)} |").AppendLine($"|---|{string.Concat(Core.Coverage.SurvivalTable.Headings.Select(_ => "---|"))}");
            foreach (var entry in survivals)
            {
                md.AppendLine($"| {Core.Coverage.JudgeCoverage.DisplayName(entry.Kind)} `{entry.Name}` | {string.Join(" | ", Core.Coverage.SurvivalTable.Row(entry.Survival!).Select(Cell))} |");
            }

            md.AppendLine();
        }

        foreach (var entry in audit.Excluded)
        {
            md.AppendLine($"- Left out: {Core.Coverage.JudgeCoverage.DisplayName(entry.Kind)} `{entry.Name}`: {Cell(entry.ExcludedBecause!)}");
        }

        md.AppendLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
