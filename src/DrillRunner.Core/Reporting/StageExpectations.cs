using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Reporting;

/// <summary>How long each target's restore took in earlier runs (median), so a live display can say what to expect.</summary>
public static class StageExpectations
{
    public static async Task<IReadOnlyDictionary<string, TimeSpan>> RestoreTimesAsync(IRunStore runs, string planName, int lookBack, CancellationToken cancellationToken)
    {
        var durations = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var summary in await runs.HistoryAsync(planName, null, lookBack, cancellationToken))
        {
            foreach (var target in await runs.GetTargetsAsync(summary.RunId, cancellationToken))
            {
                if (target.RestoreRequestedAt is { } requested && target.RestoreCompletedAt is { } completed)
                {
                    (durations.TryGetValue(target.TargetId, out var list) ? list : durations[target.TargetId] = []).Add((completed - requested).TotalSeconds);
                }
            }
        }

        return durations.ToDictionary(d => d.Key, d => TimeSpan.FromSeconds(Percentiles.Of(d.Value, 50)!.Value), StringComparer.Ordinal);
    }

    /// <summary>When the target entered its current stage, from its stage timestamps.</summary>
    public static DateTimeOffset? StageStartedAt(TargetRun target, DateTimeOffset runStartedAt) => target.Stage switch
    {
        TargetStage.Pending => runStartedAt,
        TargetStage.Resolved => target.ResolvedAt,
        TargetStage.Restoring => target.RestoreRequestedAt,
        TargetStage.Restored => target.RestoreCompletedAt,
        _ => null,
    };
}
