using System.Collections.Concurrent;

namespace DrillRunner.Local.StandIn;

/// <summary>What the stand-in makes go wrong (or slow), so drills meet what real drills meet.</summary>
public sealed class StandInFaults
{
    private readonly StandInState _state;

    internal StandInFaults(StandInState state)
    {
        _state = state;
        foreach (var source in state.FailingSources)
        {
            _failingSources[source] = true;
        }
    }

    private readonly ConcurrentDictionary<string, (string Error, int Left)> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failingSources = new(StringComparer.Ordinal);

    /// <summary>How long a restore stays CREATING after it was requested.</summary>
    public TimeSpan RestoreDuration
    {
        get => TimeSpan.FromSeconds(_state.RestoreSeconds);
        set
        {
            _state.RestoreSeconds = value.TotalSeconds;
            _state.Save();
        }
    }

    /// <summary>How far PITR's latest restorable time trails now (about five minutes in AWS), for every table without a lag of its own.</summary>
    public TimeSpan PitrLag
    {
        get => TimeSpan.FromSeconds(_state.PitrLagSeconds);
        set
        {
            _state.PitrLagSeconds = NotNegative(value, nameof(PitrLag)).TotalSeconds;
            _state.Save();
        }
    }

    /// <summary>
    /// Gives one table its own PITR lag (latest restorable time = now − lag), so two tables restored "to latest"
    /// at the same moment land on different instants, as they can in AWS. Kept with the stand-in's state.
    /// </summary>
    public void SetPitrLag(string table, TimeSpan lag)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        _state.PitrLagSecondsByTable[table] = NotNegative(lag, nameof(lag)).TotalSeconds;
        _state.Save();
    }

    /// <summary>The table's PITR lag: its own (<see cref="SetPitrLag"/>) or <see cref="PitrLag"/>.</summary>
    public TimeSpan PitrLagOf(string table) =>
        _state.PitrLagSecondsByTable.TryGetValue(table, out var seconds) ? TimeSpan.FromSeconds(seconds) : PitrLag;

    private static TimeSpan NotNegative(TimeSpan lag, string name) =>
        lag >= TimeSpan.Zero ? lag : throw new ArgumentOutOfRangeException(name, lag, "A PITR lag cannot be negative: the latest restorable time is never after now.");

    private volatile TaskCompletionSource _restoresReleased = Released();

    /// <summary>
    /// Restores requested from now on stay CREATING, however short <see cref="RestoreDuration"/>, until the
    /// answer is disposed: a test that must act while a restore is in progress holds it there instead of
    /// racing the restore's clock (a loaded machine took longer than a 2-second restore between calls).
    /// </summary>
    public IDisposable HoldRestores()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _restoresReleased = hold;
        return new RestoreHold(hold);
    }

    /// <summary>Completes when the restores requested now may finish.</summary>
    internal Task RestoresReleased => _restoresReleased.Task;

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private sealed class RestoreHold(TaskCompletionSource hold) : IDisposable
    {
        public void Dispose() => hold.TrySetResult();
    }

    /// <summary>Added to every call the stand-in answers.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>ListBackups page size, small in tests to exercise pagination.</summary>
    public int ListBackupsPageSize { get; set; } = 100;

    /// <summary>Restores from this source table are accepted, then abandoned: the table disappears.</summary>
    public void FailRestoresOf(string sourceTable)
    {
        _failingSources[sourceTable] = true;
        lock (_state.FailingSources)
        {
            _state.FailingSources.Add(sourceTable);
        }

        _state.Save();
    }

    public bool RestoreFails(string sourceTable) => _failingSources.ContainsKey(sourceTable);

    /// <summary>The next <paramref name="times"/> calls of an operation answer ThrottlingException.</summary>
    public void Throttle(string operation, int times) => FailNext(operation, "ThrottlingException", times);

    /// <summary>The next <paramref name="times"/> calls of an operation answer the given DynamoDB error (e.g. LimitExceededException).</summary>
    public void FailNext(string operation, string errorType, int times) => _failures[operation] = (errorType, times);

    internal string? TakeFailure(string operation)
    {
        while (_failures.TryGetValue(operation, out var failure) && failure.Left > 0)
        {
            if (_failures.TryUpdate(operation, (failure.Error, failure.Left - 1), failure))
            {
                return failure.Error;
            }
        }

        return null;
    }
}
