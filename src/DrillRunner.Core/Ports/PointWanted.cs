using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>
/// What a target's recovery point search looks for: the newest point, a seeded draw or the oldest,
/// within a window; or, in a common-instant drill, exactly T (continuous backups) or the newest point at or before it.
/// </summary>
/// <param name="Select">Latest, random or oldest.</param>
/// <param name="NotBefore">Points older than this do not count (the rule's withinDays); null for every point kept.</param>
/// <param name="Instant">The common instant T; null when the target chooses its own point.</param>
/// <param name="Seed">This target's seed for a random draw.</param>
public sealed record PointWanted(PointSelect Select, DateTimeOffset? NotBefore, DateTimeOffset? Instant, int Seed)
{
    public static PointWanted Newest { get; } = new(PointSelect.Latest, null, null, 0);

    /// <summary>What this run wants of this target: the common instant first, then the run's override, the target's rule, the plan's rule.</summary>
    public static PointWanted For(DrillRun run, DrillPlan plan, DrillTarget target)
    {
        var rule = plan.PointRule(target);
        var notBefore = rule.WithinDays is { } days ? run.StartedAt.AddDays(-days) : (DateTimeOffset?)null;
        return run.Instant is { } common
            ? new PointWanted(PointSelect.Latest, null, common.At, 0) { Drawn = common.Select }
            : new PointWanted(run.PointOverride ?? rule.Select, notBefore, null, PointDraw.For(run.Seed, target.Id));
    }

    /// <summary>How the point was drawn, as the run records it: with a common instant, how T was drawn.</summary>
    public PointSelect Drawn { get; init; } = Select;

    /// <summary>Whether a point created at <paramref name="created"/> may be chosen at all.</summary>
    public bool Admits(DateTimeOffset created) =>
        (NotBefore is not { } from || created >= from) && (Instant is not { } at || created <= at);

    /// <summary>True when <paramref name="candidate"/> should replace <paramref name="best"/> (both admitted).</summary>
    public bool Prefers(DateTimeOffset candidate, string candidateId, DateTimeOffset best, string bestId) => Select switch
    {
        PointSelect.Oldest => candidate < best,
        PointSelect.Random => PointDraw.Score(Seed, candidateId) < PointDraw.Score(Seed, bestId),
        _ => candidate > best,
    };

    /// <summary>The window sentence for a "none found" reason, e.g. " created in the last 7 day(s)".</summary>
    public string WindowText =>
        (NotBefore is { } from ? $" created since {from:u}" : string.Empty) + (Instant is { } at ? $" at or before the common instant {at:u}" : string.Empty);
}
