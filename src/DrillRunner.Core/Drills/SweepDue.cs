using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>When the janitor may sweep a scratch resource: once its drill:expires-at has passed, or at once when its run was stopped.</summary>
internal static class SweepDue
{
    public static async Task<bool> IsDueAsync(IRunStore runs, string? runId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (expiresAt <= now)
        {
            return true;
        }

        if (runId is null)
        {
            return false;
        }

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
