using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Requests;

/// <summary>
/// Follows a requested drill through the run record (the Pipe starts executions asynchronously,
/// so the record, not the Pipe, is where progress shows). Reports each change; gives up at the timeout.
/// </summary>
public sealed class RunFollower(IRunStore runs, IDrillRequests requests, TimeProvider time)
{
    /// <returns>The final snapshot, or the last one seen (possibly null) when the timeout came first.</returns>
    public Task<(RunSnapshot? Last, bool TimedOut)> FollowAsync(
        string requestId,
        TimeSpan timeout,
        TimeSpan pollEvery,
        Action<RunSnapshot> onChange,
        CancellationToken cancellationToken) =>
        FollowAsync(ct => requests.RunIdAsync(requestId, ct), timeout, pollEvery, onChange, cancellationToken);

    /// <summary>Follows a run begun some other way than by a request (the demo's): <paramref name="runIdOf"/> answers its id once known.</summary>
    public async Task<(RunSnapshot? Last, bool TimedOut)> FollowAsync(
        Func<CancellationToken, Task<string?>> runIdOf,
        TimeSpan timeout,
        TimeSpan pollEvery,
        Action<RunSnapshot> onChange,
        CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        string? runId = null;
        RunSnapshot? last = null;
        string? lastShape = null;
        while (true)
        {
            runId ??= await runIdOf(cancellationToken);
            if (runId is not null)
            {
                var snapshot = new RunSnapshot(await runs.GetAsync(runId, cancellationToken), await runs.GetTargetsAsync(runId, cancellationToken));
                var shape = Shape(snapshot);
                if (shape != lastShape)
                {
                    onChange(snapshot);
                    lastShape = shape;
                }

                last = snapshot;
                if (snapshot.IsFinal)
                {
                    return (snapshot, false);
                }
            }

            if (time.GetUtcNow() >= deadline)
            {
                return (last, true);
            }

            await Task.Delay(pollEvery, time, cancellationToken);
        }
    }

    private static string Shape(RunSnapshot snapshot) =>
        $"{snapshot.Run.Status}|{snapshot.Run.Verdict}|{string.Join(",", snapshot.Targets.Select(t => $"{t.TargetId}:{t.Stage}:{t.Scratch?.TornDown}"))}";
}
