using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.Native;

/// <summary>Requests the restore into a scratch table named and tagged as this run's.</summary>
public sealed class StartRestore(IRunStore runs, IScratchTables scratchTables, TimeProvider time)
{
    public async Task<RestorePoll> ExecuteAsync(TargetRef input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var target = context.Plan.TableTarget(input.TargetId);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var deadline = TimeSpan.FromMinutes(context.Plan.RestoreTimeoutMinutes);

        // A retried invocation after a successful request must not ask AWS for a second table.
        if (record.Scratch is null)
        {
            var point = record.RecoveryPoint ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no recovery point; ResolveRecoveryPoint must run first.");
            var scratchName = ScratchNames.For(context.Plan.ScratchPrefix, input.RunId, target.TableName);
            var requestedAt = time.GetUtcNow();
            var request = await scratchTables.StartRestoreAsync(target, point, scratchName, cancellationToken);
            var tagged = await scratchTables.TryTagAsync(request.TableArn, ScratchTags(context), cancellationToken);
            record = record with
            {
                Forecast = await ForecastRestore.ForAsync(runs, context.Run, input.TargetId, request.SourceSizeBytes, cancellationToken),
                SourceSizeBytes = request.SourceSizeBytes,
                Stage = TargetStage.Restoring,
                RestoreRequestedAt = requestedAt,
                RecoveryPoint = request.RestoredPointInTime is { } restoredTo ? point with { CreatedAt = restoredTo } : point,
                Scratch = new ScratchResource(scratchName, request.TableArn, CreatedByRun: true) { Tagged = tagged },
            };
            await runs.SaveTargetAsync(record, cancellationToken);
        }

        return new RestorePoll(input.RunId, input.TargetId, false, 0, PollSchedule.WaitSeconds(TimeSpan.Zero, record.Forecast?.Duration, deadline));
    }

    internal static Dictionary<string, string> ScratchTags(RunContext context) => new(StringComparer.Ordinal)
    {
        [TeardownGuard.RunIdTag] = context.Run.RunId,
        [TeardownGuard.PlanTag] = context.Plan.Name,
        [TeardownGuard.ExpiresAtTag] = (context.Run.StartedAt + BeginDrill.LockLifetime).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
    };
}
