using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>Records why a target failed, so that the other targets go on and the verdict can say why.</summary>
public sealed class RecordTargetFailure(IRunStore runs)
{
    public async Task<TargetRef> ExecuteAsync(TargetFailureInput input, CancellationToken cancellationToken)
    {
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var error = input.Error?.Error ?? "Unknown";
        var isFinding = DrillException.DrillFindings.Contains(error);
        var reason = input.Error?.Message() ?? "the target failed without an error description";
        await runs.SaveTargetAsync(
            record with { Stage = TargetStage.Failed, Failure = new TargetFailure(error, reason, IsRunnerError: !isFinding) },
            cancellationToken);
        return new TargetRef(input.RunId, input.TargetId);
    }
}
