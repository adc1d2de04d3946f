using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Capacity;

/// <summary>
/// How long to wait between looks at a restore. DynamoDB and AWS Backup give no completion event, and
/// a restore takes from minutes to hours, so the runner polls, and every look is a few Step Functions
/// transitions. The detection lag (completion → the runner knows) must stay within
/// max(<see cref="MinWaitSeconds"/>, 1 % of the restore) without polling an 8-hour restore every 10 s:
/// <list type="bullet">
/// <item>with an expected duration (this target's earlier restores, its size, AWS Backup's estimate):
/// sparse looks until <see cref="WindowStart"/> of it, then dense looks, each at most
/// <see cref="DenseFraction"/> of the time elapsed so far;</item>
/// <item>without one: looks at most <see cref="UnforecastFraction"/> of the elapsed time apart.</item>
/// </list>
/// A restore that ends before the window is found at the next sparse look, at most
/// <see cref="SparseFraction"/> of the expected duration late. The benchmark measures both.
/// </summary>
public static class PollSchedule
{
    /// <summary>The shortest wait; also the first one.</summary>
    public const int MinWaitSeconds = 10;

    /// <summary>Dense looks: the wait is at most this fraction of the time elapsed (lag ≤ 1 % of the restore).</summary>
    public const double DenseFraction = 0.01;

    /// <summary>Without a forecast the wait is at most this fraction of the time elapsed.</summary>
    public const double UnforecastFraction = 0.05;

    /// <summary>Dense looks begin at this fraction of the expected duration.</summary>
    public const double WindowStart = 0.8;

    /// <summary>Before the window, looks are this fraction of the expected duration apart.</summary>
    public const double SparseFraction = 0.1;

    /// <summary>The wait before the next look, <paramref name="elapsed"/> after the restore was requested.</summary>
    /// <param name="expected">The forecast duration of the restore, when there is one.</param>
    /// <param name="untilDeadline">Never sleep far past it: the next look must be able to report the timeout.</param>
    public static int WaitSeconds(TimeSpan elapsed, TimeSpan? expected, TimeSpan untilDeadline)
    {
        var t = Math.Max(0, elapsed.TotalSeconds);
        double wait;
        if (expected is { TotalSeconds: > 0 } forecast && t < WindowStart * forecast.TotalSeconds)
        {
            var windowOpens = WindowStart * forecast.TotalSeconds - t;
            wait = Math.Min(windowOpens, Math.Max(MinWaitSeconds, SparseFraction * forecast.TotalSeconds));
        }
        else
        {
            wait = (expected is null ? UnforecastFraction : DenseFraction) * t;
        }

        var remaining = Math.Max(1, Math.Ceiling(untilDeadline.TotalSeconds) + 1);
        return (int)Math.Max(1, Math.Min(Math.Max(MinWaitSeconds, Math.Floor(wait)), remaining));
    }

    /// <summary>
    /// Follows the schedule against a restore that really takes <paramref name="actual"/>: how many looks
    /// it takes to see it done, and how late the look that sees it is (its detection lag).
    /// </summary>
    public static (int Looks, TimeSpan Lag) Follow(TimeSpan actual, TimeSpan? expected, TimeSpan timeout)
    {
        var at = TimeSpan.Zero;
        var looks = 0;
        while (at < timeout)
        {
            at += TimeSpan.FromSeconds(WaitSeconds(at, expected, timeout - at));
            looks++;
            if (at >= actual)
            {
                return (looks, at - actual);
            }
        }

        return (looks, timeout - actual);
    }

    /// <summary>
    /// The wait before the next look at a restore requested at <paramref name="requestedAt"/>; once it
    /// has outlasted the plan's restoreTimeoutMinutes, <see cref="Errors.RestoreTimedOut"/> saying
    /// "<paramref name="stillWhat"/> after …".
    /// </summary>
    /// <remarks>Past the run's own deadline the target fails with <see cref="Errors.DrillOutOfTime"/>, and no wait outlasts that deadline.</remarks>
    public static int NextWaitSeconds(DateTimeOffset requestedAt, DateTimeOffset now, TimeSpan? expected, int restoreTimeoutMinutes, string stillWhat, Runs.DrillRun? run = null)
    {
        var timeout = TimeSpan.FromMinutes(restoreTimeoutMinutes);
        var waited = now - requestedAt;
        if (waited >= timeout)
        {
            throw new Errors.RestoreTimedOut($"{stillWhat} after {Runs.RunJudge.Minutes(waited.TotalSeconds)} (restoreTimeoutMinutes is {restoreTimeoutMinutes})");
        }

        if (run is not null)
        {
            DrillDeadline.ThrowIfPassed(run, now, stillWhat);
        }

        var untilDeadline = run?.Deadline is { } deadline && deadline - now < timeout - waited ? deadline - now : timeout - waited;
        return WaitSeconds(waited, expected, untilDeadline);
    }
}
