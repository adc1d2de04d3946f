using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Capacity;

/// <summary>
/// How long a target's restore is expected to take, so the runner polls sparsely before and densely
/// around its end (<see cref="PollSchedule"/>). The best guide is this target's own restores in the
/// plan's last drills; then, for a DynamoDB table, its size; for AWS Backup, the job's own estimate.
/// </summary>
public static class ForecastRestore
{
    /// <summary>How many of the plan's latest drills are read for this target's earlier restore times.</summary>
    public const int EarlierDrillsRead = 3;

    /// <summary>The forecast for a target about to be restored; null when nothing is known.</summary>
    public static async Task<RestoreForecast?> ForAsync(IRunStore runs, DrillRun run, string targetId, long? sourceSizeBytes, CancellationToken cancellationToken)
    {
        var earlier = new List<double>();
        var history = await runs.HistoryAsync(run.PlanName, since: null, limit: EarlierDrillsRead + 1, cancellationToken);
        foreach (var summary in history.Where(h => h.RunId != run.RunId && h.Unreadable is null).Take(EarlierDrillsRead))
        {
            try
            {
                var target = await runs.GetTargetAsync(summary.RunId, targetId, cancellationToken);
                if (Measured(target) is { } seconds)
                {
                    earlier.Add(seconds);
                }
            }
            catch (RunNotFound)
            {
                // The target was added to the plan after that drill.
            }
        }

        if (earlier.Count > 0)
        {
            return new RestoreForecast(earlier.Average(), RestoreForecast.FromEarlierDrills);
        }

        return sourceSizeBytes is { } size ? new RestoreForecast(DynamoDbCapacity.ExpectedRestore(size).TotalSeconds, RestoreForecast.FromTableSize) : null;
    }

    /// <summary>A restore's duration as a drill measured it: request to the middle of the last two looks.</summary>
    public static double? Measured(TargetRun target)
    {
        if (target.RestoreRequestedAt is not { } requested || target.RestoreCompletedAt is not { } completed)
        {
            return null;
        }

        var notBefore = target.RestoreCompletedNotBefore ?? completed;
        return ((notBefore - requested) + ((completed - notBefore) / 2)).TotalSeconds;
    }
}
