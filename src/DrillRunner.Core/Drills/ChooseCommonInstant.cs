using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>
/// Chooses the one instant T a common-instant drill restores every target to, before any restore:
/// the window every target with continuous backups (DynamoDB point-in-time recovery) can reach now,
/// cut to the plan's withinDays, and T drawn from it as the recovery point rule says (latest: its
/// end; oldest: its start; random: a seeded second). Targets with only snapshots do not bound the
/// window: each uses its newest point at or before T, and its skew is recorded.
/// </summary>
public sealed class ChooseCommonInstant(IRecoveryPointCatalog catalog, TimeProvider time)
{
    /// <summary>How many windows are read at once: DescribeContinuousBackups is a control-plane call.</summary>
    public const int ParallelLooks = 8;

    /// <summary>T, or the reason no instant suits every target (the drill then ends with ERROR before anything is created).</summary>
    public async Task<(CommonInstant? Instant, string? WhyNone)> ChooseAsync(DrillPlan plan, DrillRun run, CancellationToken cancellationToken)
    {
        var began = time.GetUtcNow();
        var rule = plan.RecoveryPoint;
        var select = run.PointOverride ?? rule.Select;
        var continuous = plan.Targets.OfType<DynamoDbTarget>().Where(t => t.RestoreFrom != RestoreSource.Backup).ToList();
        var windows = new (DynamoDbTarget Target, ContinuousWindow? Window)[continuous.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, continuous.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelLooks, CancellationToken = cancellationToken },
            async (i, token) => windows[i] = (continuous[i], await catalog.ContinuousWindowAsync(continuous[i].TableName, token)));

        // A target whose PITR is off does not bound T: it uses a backup at or before T, or fails with its own reason.
        var bounding = windows.Where(w => w.Window is not null).Select(w => (w.Target, Window: w.Window!)).ToList();
        var to = run.StartedAt;
        string? latestBy = null;
        if (bounding.Count > 0 && bounding.MinBy(b => b.Window.Latest) is var soonest && soonest.Window.Latest < to)
        {
            (to, latestBy) = (soonest.Window.Latest, soonest.Target.Id);
        }

        DateTimeOffset? from = rule.WithinDays is { } days ? run.StartedAt.AddDays(-days) : null;
        string? earliestBy = null;
        if (bounding.Count > 0 && bounding.MaxBy(b => b.Window.Earliest) is var latestStart && (from is null || latestStart.Window.Earliest > from))
        {
            (from, earliestBy) = (latestStart.Window.Earliest, latestStart.Target.Id);
        }

        if (from is null)
        {
            if (select != PointSelect.Latest)
            {
                return (null, $"recoveryPoint \"{select.Name()}\" with a common instant needs a window to draw T from, and no target has continuous backups: set \"recoveryPoint\": {{ \"select\": \"{select.Name()}\", \"withinDays\": N }} in the plan");
            }

            from = to;
        }

        if (from > to)
        {
            return (null, NoCommonWindow(bounding, from.Value, to, earliestBy, latestBy, rule.WithinDays));
        }

        var at = select switch
        {
            PointSelect.Oldest => PointDraw.Oldest(from.Value, to),
            PointSelect.Random => PointDraw.Instant(from.Value, to, run.Seed),
            _ => PointDraw.FloorSecond(to) is var last && last >= from ? last : to,
        };

        var instant = new CommonInstant(at, select, from.Value, to, bounding.Count)
        {
            LatestBoundBy = latestBy,
            EarliestBoundBy = earliestBy,
            ChoiceSeconds = (time.GetUtcNow() - began).TotalSeconds,
        };
        return (instant, null);
    }

    /// <summary>To the millisecond: the two ends of an empty window can fall in the same second.</summary>
    private static string Exact(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string NoCommonWindow(
        List<(DynamoDbTarget Target, ContinuousWindow Window)> bounding, DateTimeOffset from, DateTimeOffset to, string? earliestBy, string? latestBy, int? withinDays)
    {
        var start = earliestBy is null
            ? $"the plan's window starts {withinDays} day(s) before the drill ({Exact(from)})"
            : $"'{earliestBy}' can be restored only from {Exact(from)} (its point-in-time recovery began then)";
        var end = latestBy is null ? $"the drill began at {Exact(to)}" : $"'{latestBy}' only up to {Exact(to)}";
        return $"no instant can be reached by every one of the {bounding.Count} target(s) with continuous backups: {start}, but {end}";
    }
}
