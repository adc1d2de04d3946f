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
        var rpoText = $"RPO {Minutes(rpo.Value)} (objective {Minutes(run.RpoObjectiveMinutes * 60)})";
        var breaches = new List<string>();
        if (rto > run.RtoObjectiveMinutes * 60)
        {
            breaches.Add($"{rtoText} breached the objective");
        }

        if (rpo > run.RpoObjectiveMinutes * 60)
        {
            breaches.Add($"{rpoText} breached the objective");
        }

        return breaches.Count > 0
            ? new Judgement(Verdict.FailObjective, string.Join("; ", breaches), rto, rpo)
            : new Judgement(Verdict.Pass, $"all {targets.Count} target(s) restored, verified and healthy; {rtoText}; {rpoText}", rto, rpo);
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

    public static string Minutes(double seconds) =>
        seconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min");

    private static string Describe(IEnumerable<TargetRun> failed) =>
        string.Join("; ", failed.Select(t => $"target '{t.TargetId}': {t.Failure!.Reason}"));
}
