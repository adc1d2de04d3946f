using System.Globalization;

namespace DrillRunner.Core.Runs;

/// <summary>
/// DESIGN.md's definitions: RPO = max over targets of (T0 − RP); RTO = T_healthy − T0.
/// A target with no recovery point has no RPO, and then the drill has none either.
/// </summary>
public static class RunJudge
{
    public static Judgement Judge(DrillRun run, IReadOnlyList<TargetRun> targets)
    {
        var rpo = RpoSeconds(run, targets);
        double? rto = run.HealthyAt is { } healthy ? (healthy - run.StartedAt).TotalSeconds : null;

        if (run.RunnerError is { } runnerError)
        {
            return new Judgement(Verdict.Error, $"the runner failed: {runnerError}", rto, rpo);
        }

        var runnerFailures = targets.Where(t => t.Failure is { IsRunnerError: true }).ToList();
        if (runnerFailures.Count > 0)
        {
            return new Judgement(Verdict.Error, "the runner failed on " + Describe(runnerFailures), rto, rpo);
        }

        var unfinished = targets.Where(t => t.Failure is null && t.Stage != TargetStage.Verified).ToList();
        if (unfinished.Count > 0)
        {
            return new Judgement(Verdict.Error, $"target(s) {string.Join(", ", unfinished.Select(t => $"{t.TargetId} (stopped at {t.Stage})"))} never finished", rto, rpo);
        }

        var reasons = new List<string>();
        var failed = targets.Where(t => t.Failure is not null).ToList();
        if (failed.Count > 0)
        {
            reasons.Add(Describe(failed));
        }

        // A check skipped because its target failed adds nothing the target's reason has not said.
        reasons.AddRange(run.HealthChecks.Where(h => !h.Passed && !(h.Skipped && failed.Count > 0)).Select(h => $"health check '{h.Name}' failed: {h.Detail}"));
        // A relation not checked because a target it names failed adds nothing the target's reason has not said.
        reasons.AddRange(run.Relations.Where(r => !r.Passed && !(!r.Checked && failed.Count > 0)).Select(r => $"relation '{r.RelationId}' {(r.Checked ? "does not hold" : "was not checked")}: {r.Why}"));
        if (run.FailOnRunbookGap)
        {
            reasons.AddRange(targets.Where(t => t.RunbookGap is { HasCompared: true }).Select(t => $"{t.TargetId}: runbook gap (the plan fails on it): {t.RunbookGap!.Sentence()}"));
        }

        if (reasons.Count > 0)
        {
            return new Judgement(Verdict.Fail, string.Join("; ", reasons), rto, rpo);
        }

        if (rto is null || rpo is null)
        {
            return new Judgement(Verdict.Error, "RTO or RPO could not be measured although every step passed", rto, rpo);
        }

        var rtoText = $"RTO {Minutes(rto.Value)} (objective {Minutes(run.RtoObjectiveMinutes * 60)})";
        var olderPoint = ProvesOlderPoint(run, targets);
        var rpoText = olderPoint
            ? $"RPO {Minutes(rpo.Value)} is the age of an older point proven on purpose ({PointRule(run, targets)}), not judged against the objective {Minutes(run.RpoObjectiveMinutes * 60)}"
            : $"RPO {Minutes(rpo.Value)} (objective {Minutes(run.RpoObjectiveMinutes * 60)})";
        var breaches = new List<string>();
        if (rto > run.RtoObjectiveMinutes * 60)
        {
            breaches.Add($"{rtoText} breached the objective");
        }

        if (!olderPoint && rpo > run.RpoObjectiveMinutes * 60)
        {
            breaches.Add($"{rpoText} breached the objective");
        }

        breaches.AddRange(SkewBreaches(run, targets));

        return breaches.Count > 0
            ? new Judgement(Verdict.FailObjective, string.Join("; ", breaches), rto, rpo)
            : new Judgement(Verdict.Pass, $"all {targets.Count} target(s) restored{InstantText(run, targets)}, verified and healthy; {rtoText}; {rpoText}", rto, rpo);
    }

    public static double? RpoSeconds(DrillRun run, IReadOnlyList<TargetRun> targets)
    {
        if (targets.Count == 0 || targets.Any(t => t.RecoveryPoint is null))
        {
            return null;
        }

        // A recovery point after T0 holds everything up to the simulated disaster: no data lost.
        return Math.Max(0, targets.Max(t => (run.StartedAt - t.RecoveryPoint!.CreatedAt).TotalSeconds));
    }

    /// <summary>
    /// True when the drill proved an older point on purpose (random or oldest): its RPO is that point's
    /// age, and only the newest point is judged against the RPO objective.
    /// </summary>
    public static bool ProvesOlderPoint(DrillRun run, IReadOnlyList<TargetRun> targets) =>
        run.Instant is { } instant ? instant.Select != PointSelect.Latest : targets.Any(t => t.RecoveryPoint is { Select: not PointSelect.Latest });

    /// <summary>Every target restored further before the common instant than the plan's maxSkewSeconds allows, named.</summary>
    public static IEnumerable<string> SkewBreaches(DrillRun run, IReadOnlyList<TargetRun> targets)
    {
        if (run.Instant is not { } instant || run.MaxSkewSeconds is not { } max)
        {
            yield break;
        }

        foreach (var target in targets)
        {
            if (instant.SkewSeconds(target) is { } skew && skew > max)
            {
                yield return string.Create(
                    CultureInfo.InvariantCulture,
                    $"target '{target.TargetId}' was restored to {target.RecoveryPoint!.CreatedAt:u}, {Minutes(skew)} before the common instant {instant.At:u} (maxSkewSeconds {max:0.##})");
            }
        }
    }

    /// <summary>" to 08:09:10 UTC as one instant (skew ≤ 1 s)" for a common-instant drill; empty otherwise.</summary>
    public static string InstantText(DrillRun run, IReadOnlyList<TargetRun> targets)
    {
        if (run.Instant is not { } instant)
        {
            return string.Empty;
        }

        var largest = targets.Select(instant.SkewSeconds).Max() ?? 0;
        return $" to {instant.At:u} as one instant (skew ≤ {Minutes(largest)})";
    }

    private static string PointRule(DrillRun run, IReadOnlyList<TargetRun> targets) =>
        run.Instant is { } instant
            ? $"the common instant was drawn \"{instant.Select.Name()}\""
            : $"recoveryPoint \"{string.Join("\", \"", targets.Select(t => t.RecoveryPoint?.Select ?? PointSelect.Latest).Where(s => s != PointSelect.Latest).Distinct().Select(s => s.Name()))}\"";

    public static string Minutes(double seconds) =>
        seconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min");

    private static string Describe(IEnumerable<TargetRun> failed) =>
        string.Join("; ", failed.Select(t => $"target '{t.TargetId}': {t.Failure!.Reason}"));
}
