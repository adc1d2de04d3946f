using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Native;

/// <summary>Finds the recovery point the run wants of a target (newest, drawn, oldest, or at the common instant), or fails it with the reason.</summary>
public sealed class ResolveRecoveryPoint(IRunStore runs, IRecoveryPointCatalog catalog, TimeProvider time)
{
    public async Task<TargetRef> ExecuteAsync(TargetRef input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        DrillDeadline.ThrowIfPassed(context.Run, time.GetUtcNow(), $"target '{input.TargetId}' had not started");
        var target = context.Plan.TableTarget(input.TargetId);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);

        var wanted = PointWanted.For(context.Run, context.Plan, context.Plan.Target(input.TargetId));
        var search = await catalog.FindAsync(target, wanted, cancellationToken);
        if (search.Point is null)
        {
            throw new RecoveryPointNotFound($"no recovery point for table '{target.TableName}': {search.WhyNone}");
        }

        await runs.SaveTargetAsync(
            record with { Stage = TargetStage.Resolved, RecoveryPoint = search.Point with { Select = wanted.Drawn }, ResolvedAt = time.GetUtcNow() },
            cancellationToken);
        return input;
    }
}
