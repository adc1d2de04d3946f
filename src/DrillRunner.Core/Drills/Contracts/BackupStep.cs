namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The decisions of the AWS Backup branch, by the names the state machine passes as "step".</summary>
public static class BackupStep
{
    public const string ChooseRecoveryPoint = nameof(ChooseRecoveryPoint);
    public const string PrepareRestore = nameof(PrepareRestore);
    public const string RecordRestoreJob = nameof(RecordRestoreJob);
    public const string CheckRestoreJob = nameof(CheckRestoreJob);
    public const string CheckRestoredResource = nameof(CheckRestoredResource);
    public const string RecordVerifierAnswer = nameof(RecordVerifierAnswer);
    public const string RecordValidation = nameof(RecordValidation);
}
