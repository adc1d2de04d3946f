using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>
/// Records why a target failed, so that the other targets go on and the verdict can say why. For a
/// target with an AWS Backup restore job, it also hands back the FAILED validation result the
/// state machine reports to AWS Backup, so the Backup console shows the failed drill too.
/// </summary>
public sealed class RecordTargetFailure(IRunStore runs)
{
    public const int MaxValidationMessageLength = 1000;

    public async Task<ValidationReport> ExecuteAsync(TargetFailureInput input, CancellationToken cancellationToken)
    {
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var error = input.Error?.Error ?? "Unknown";
        var isFinding = DrillException.DrillFindings.Contains(error);
        var reason = error == nameof(VerifierFailed)
            ? await VerifierReasonAsync(input, cancellationToken)
            : input.Error?.Message() ?? "the target failed without an error description";
        await runs.SaveTargetAsync(
            record with { Stage = TargetStage.Failed, Failure = new TargetFailure(error, reason, IsRunnerError: !isFinding) },
            cancellationToken);

        if (record.Backup?.RestoreJobId is not { } jobId)
        {
            return new ValidationReport(input.RunId, input.TargetId, null, null, null);
        }

        var message = $"DrillRunner run {input.RunId}: {error}: {reason}";
        return new ValidationReport(input.RunId, input.TargetId, jobId, "FAILED", message.Length <= MaxValidationMessageLength ? message : message[..MaxValidationMessageLength]);
    }

    /// <summary>The state machine passes the verifier's caught error along; say which verifier and what it said.</summary>
    private async Task<string> VerifierReasonAsync(TargetFailureInput input, CancellationToken cancellationToken)
    {
        var function = (await RunContext.LoadAsync(runs, input.RunId, cancellationToken)).Plan.Target(input.TargetId) is Plans.AwsBackupTarget { VerifierFunction: { } name } ? name : "(unknown)";
        return input.Error?.Verifier is { } caught
            ? $"the verifier Lambda '{function}' failed: {caught.Error ?? "unknown error"}: {caught.Message()}"
            : $"the verifier Lambda '{function}' failed: {input.Error?.Message()}";
    }
}
