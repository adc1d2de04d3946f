namespace DrillRunner.Local.Scale;

/// <summary>
/// Modelled time for scale runs: <see cref="Scale"/> modelled seconds pass in each real second, from
/// the moment it was made, and timers and delays are shortened to match. With a scale of 600 a
/// modelled hour passes in six seconds, so a terabyte table's drill can be run on one machine.
/// </summary>
public sealed class ScaledTimeProvider(double scale) : TimeProvider
{
    private readonly DateTimeOffset _origin = System.GetUtcNow();
    private readonly long _started = System.GetTimestamp();

    public double Scale { get; } = scale > 0 ? scale : throw new ArgumentOutOfRangeException(nameof(scale), "The time scale must be positive.");

    public override DateTimeOffset GetUtcNow() => _origin + (System.GetElapsedTime(_started) * Scale);

    public override long GetTimestamp() => _started + (long)((System.GetTimestamp() - _started) * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Real(dueTime), Real(period));

    /// <summary>How long a modelled span really takes.</summary>
    public TimeSpan Real(TimeSpan modelled) => modelled == Timeout.InfiniteTimeSpan ? modelled : modelled / Scale;
}
