namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// What to tell AWS Backup with PutRestoreValidationResult about a target's restore job (none when
/// it has no job), and, once told, what came of it: <c>{ "reported": true }</c>, or the error its
/// Catch caught (AWS Backup refused it).
/// </summary>
public sealed record ValidationReport(string RunId, string TargetId, string? RestoreJobId, string? ValidationStatus, string? ValidationMessage)
{
    public TaskError? ValidationOutcome { get; init; }
}
