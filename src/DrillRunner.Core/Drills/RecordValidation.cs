using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>Records what was reported to AWS Backup with PutRestoreValidationResult, and whether AWS Backup took it.</summary>
public sealed class RecordValidation(IRunStore runs)
{
    public async Task<BackupTargetState> ExecuteAsync(BackupTargetState input, CancellationToken cancellationToken)
    {
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var note = input.ValidationError is { } error
            ? $"AWS Backup did not take the validation result: {error.Error}: {error.Message()}"
            : "accepted by AWS Backup";
        await runs.SaveTargetAsync(
            record with { Backup = (record.Backup ?? new BackupRestore(0, 0, null)) with { ValidationStatus = input.ValidationStatus, ValidationNote = note } },
            cancellationToken);
        return input.Handed();
    }
}
