using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Janitor;

/// <summary>
/// When the janitor may sweep a scratch resource: once its drill:expires-at has passed, or at once
/// when its run was stopped. One per sweep: each run's record is read once, however many resources it left.
/// </summary>
internal sealed class SweepDue(IRunStore runs, DateTimeOffset now)
{
    private readonly Dictionary<string, bool> _stopped = new(StringComparer.Ordinal);

    public async Task<bool> IsDueAsync(string? runId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (expiresAt <= now)
        {
            return true;
        }

        if (runId is null)
        {
            return false;
        }

        if (!_stopped.TryGetValue(runId, out var stopped))
        {
            stopped = _stopped[runId] = await IsStoppedAsync(runId, cancellationToken);
        }

        return stopped;
    }

    private async Task<bool> IsStoppedAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            return (await runs.GetAsync(runId, cancellationToken)).Status == RunStatus.Stopped;
        }
        catch (Exception ex) when (ex is RunNotFound or RunRecordUnreadable)
        {
            return false;
        }
    }
}
