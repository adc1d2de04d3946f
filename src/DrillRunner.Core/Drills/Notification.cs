using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>The human-readable summary published on anything but PASS.</summary>
public static class Notification
{
    /// <param name="topicArn">The plan's topic, else the stack's default; null: nobody to tell.</param>
    public static Conclusion For(DrillRun run, string? topicArn)
    {
        var verdict = VerdictNames.Of(run.Verdict ?? Verdict.Error);
        var subject = $"Restore drill {verdict}: plan {run.PlanName}";
        var rto = run.RtoSeconds is { } r ? RunJudge.Minutes(r) : "not measured";
        var rpo = run.RpoSeconds is { } p ? RunJudge.Minutes(p) : "not measured";
        var message = string.Join('\n',
            $"Verdict: {verdict}",
            $"Plan: {run.PlanName} (v{run.PlanVersion})",
            $"Run: {run.RunId}",
            $"Started (T0): {run.StartedAt:u}",
            $"RTO: {rto} (objective {RunJudge.Minutes(run.RtoObjectiveMinutes * 60)})",
            $"RPO: {rpo} (objective {RunJudge.Minutes(run.RpoObjectiveMinutes * 60)})",
            $"Reason: {run.VerdictReason}");
        if (run.Selection is { } selection)
        {
            message += $"\nSelection: {selection.Summary()}";
        }

        if (run.Instant is { } instant)
        {
            message += $"\nCommon instant T: {instant.At:u} ({instant.Select.Name()} second all {instant.ContinuousTargets} continuous target(s) could reach); each target's skew is in the run (drill status {run.RunId})";
        }

        if (run.Relations.Count > 0)
        {
            message += "\n" + string.Join('\n', run.Relations.Select(r => "- " + RelationSummary.Line(r)).Prepend("Relations:"));
        }

        var notify = run.Verdict != Verdict.Pass && topicArn is not null;
        return new Conclusion(run.RunId, run.PlanName, verdict, run.VerdictReason ?? string.Empty, run.RtoSeconds, run.RpoSeconds, run.RtoObjectiveMinutes * 60, run.RpoObjectiveMinutes * 60, notify, topicArn, subject, message);
    }
}
