using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.AwsBackup;

/// <summary>Records what was reported to AWS Backup with PutRestoreValidationResult, and whether AWS Backup took it.</summary>
public sealed class RecordValidation(IRunStore runs)
{
    public async Task<TargetRef> ExecuteAsync(ValidationReport input, CancellationToken cancellationToken)
    {
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var note = input.ValidationOutcome is { Error: not null } error
            ? $"AWS Backup did not take the validation result: {error.Error}: {error.Message()}"
            : "accepted by AWS Backup";
        await runs.SaveTargetAsync(
            record with { Backup = (record.Backup ?? new BackupRestore(0, 0, null)) with { ValidationStatus = input.ValidationStatus, ValidationNote = note } },
            cancellationToken);
        return new TargetRef(input.RunId, input.TargetId);
    }
}
