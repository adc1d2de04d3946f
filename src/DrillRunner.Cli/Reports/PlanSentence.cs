using DrillRunner.Core.Kinds;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Reports;

/// <summary>
/// The plain-words answer for a plan, as "At a glance" and each plan's headline give it: the latest
/// drill and what it proved, then how long since the last PASS when that matters, then what no drill verified.
/// </summary>
public static class PlanSentence
{
    public static string Of(PlanReport r)
    {
        var sentence = r.Latest is { } latest ? $"{Latest(r, latest)} {SincePass(r, latest)}" : NoDrill(r);
        return r.NeverVerified.Count > 0 ? $"{sentence.TrimEnd()} Never verified in the window: {Unverified(r.NeverVerified)}." : sentence.TrimEnd();
    }

    /// <summary>"RDS instance billing-db, DynamoDB table ledger-prod": each target as what it is.</summary>
    public static string Unverified(IEnumerable<UnverifiedTarget> targets) =>
        string.Join(", ", targets.Select(t => $"{Kind(t)?.DisplayName ?? "target"} {t.SourceName}"));

    /// <summary>Why an unverified target matters, said of the kinds at hand ("A volume or table whose restore…").</summary>
    public static string UnverifiedWarning(IEnumerable<UnverifiedTarget> targets) =>
        $"A {string.Join(" or ", targets.Select(t => Kind(t)?.Noun ?? "resource").Distinct(StringComparer.Ordinal))} whose restore has not been proven may not be recoverable.";

    private static string Latest(PlanReport r, RunPoint latest)
    {
        var what = $"The latest drill ({Text.Date(latest.StartedAt)}) was {Text.Verdict(latest.Verdict)}";
        if (latest.Verdict == Verdict.Pass)
        {
            var together = latest.Instant is { } at ? $", every target restored to {at:HH:mm:ss} as one (skew ≤ {Text.Duration(latest.LargestSkewSeconds ?? 0)})" : string.Empty;
            var loss = latest.OlderPoint
                ? $"proving a point {Text.Duration(latest.RpoSeconds)} old still restores (an older point on purpose: not judged against the RPO objective)"
                : $"losing at most {Text.Duration(latest.RpoSeconds)} of data (objective {Text.Duration(r.RpoObjectiveMinutes * 60)})";
            return $"{what}: recovered in {Text.Duration(latest.RtoSeconds)} (objective {Text.Duration(r.RtoObjectiveMinutes * 60)}){together}, {loss}.";
        }

        var reason = latest.Reason.Trim().TrimEnd('.');
        return reason.Length > 0 ? $"{what}: {reason}." : $"{what}.";
    }

    /// <summary>Said only when the latest drill is not a fresh PASS: a fresh PASS is its own proof.</summary>
    private static string SincePass(PlanReport r, RunPoint latest) => (r.LastPassAt, r.DaysSinceLastPass) switch
    {
        (null, _) or (_, null) => "The plan has never passed a drill: nothing yet proves it can recover.",
        (_, { } days) when r.Stale && latest.Verdict == Verdict.Pass =>
            $"That was {DaysAgo(days)}: with no PASS for more than {Text.Days(ReportBuilder.StaleAfterDays)} days, the plan is stale.",
        ({ } at, { } days) when r.Stale => $"No PASS for {Text.Days(days)} days (since {Text.Date(at)}): the plan is stale.",
        ({ } at, { } days) when latest.Verdict != Verdict.Pass => $"The last PASS was {DaysAgo(days)} ({Text.Date(at)}).",
        _ => string.Empty,
    };

    private static string NoDrill(PlanReport r) => (r.LastPassAt, r.DaysSinceLastPass) switch
    {
        ({ } at, { } days) => $"No drill in the window; the last PASS was {DaysAgo(days)} ({Text.Date(at)}){(r.Stale ? ": the plan is stale" : string.Empty)}.",
        _ => "No drill in the window, and the plan has never passed one: nothing yet proves it can recover.",
    };

    private static string DaysAgo(double days) => $"{Text.Days(days)} {(Text.Days(days) == "1" ? "day" : "days")} ago";

    private static RestoreKind? Kind(UnverifiedTarget target) => target.Kind is { } kind ? RestoreKinds.OfScratchKind(kind) : null;
}
