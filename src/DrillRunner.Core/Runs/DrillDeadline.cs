using DrillRunner.Core.Errors;

namespace DrillRunner.Core.Runs;

/// <summary>
/// The drill's own time limit. The state machine's TimeoutSeconds ends an execution without any
/// Catch (no verdict, no teardown), so the drill stops its targets earlier, at a deadline that
/// leaves the last tenth of the limit for concluding and tearing down.
/// </summary>
public static class DrillDeadline
{
    /// <summary>The state machine's timeout and the plan lock's lifetime: a run never outlives it.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromHours(6);

    /// <summary>The share of the limit kept for concluding and teardown.</summary>
    public const double TeardownShare = 0.1;

    public static DateTimeOffset For(DateTimeOffset startedAt, TimeSpan timeLimit) => startedAt + (timeLimit * (1 - TeardownShare));

    /// <summary>Fails the target with <see cref="DrillOutOfTime"/> once the run's deadline has passed.</summary>
    public static void ThrowIfPassed(DrillRun run, DateTimeOffset now, string what)
    {
        if (run.Deadline is { } deadline && now >= deadline)
        {
            throw new DrillOutOfTime($"the drill ran out of time: {what} by its deadline {deadline:u} ({RunJudge.Minutes((deadline - run.StartedAt).TotalSeconds)} after it began, leaving the rest of its time limit for teardown)");
        }
    }
}
