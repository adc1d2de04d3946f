namespace DrillRunner.Core.Drills;

/// <summary>
/// How long to wait between looks at a restore: DynamoDB gives no completion event, and a restore
/// takes from minutes to hours, so intervals start short and grow to a cap.
/// </summary>
public static class PollSchedule
{
    public const int FirstWaitSeconds = 20;
    public const int MaxWaitSeconds = 120;
    public const double Growth = 1.5;

    public static int WaitSeconds(int attempt, TimeSpan untilDeadline)
    {
        var grown = FirstWaitSeconds * Math.Pow(Growth, Math.Max(0, attempt));
        var capped = Math.Min(MaxWaitSeconds, grown);
        // Never sleep far past the deadline: the next look must be able to report the timeout.
        var remaining = Math.Max(1, Math.Ceiling(untilDeadline.TotalSeconds) + 1);
        return (int)Math.Max(1, Math.Min(capped, remaining));
    }

    /// <summary>
    /// The wait before the next look at a restore requested at <paramref name="requestedAt"/>; once it
    /// has outlasted the plan's restoreTimeoutMinutes, <see cref="Errors.RestoreTimedOut"/> saying
    /// "<paramref name="stillWhat"/> after …".
    /// </summary>
    /// <remarks>Past the run's own deadline the target fails with <see cref="Errors.DrillOutOfTime"/>, and no wait outlasts that deadline.</remarks>
    public static int NextWaitSeconds(int attempt, DateTimeOffset requestedAt, DateTimeOffset now, int restoreTimeoutMinutes, string stillWhat, Runs.DrillRun? run = null)
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
        return WaitSeconds(attempt, untilDeadline);
    }
}
