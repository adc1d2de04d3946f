using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point for the decisions of the AWS Backup branch. The state machine makes every AWS
/// Backup, tagging and describe call itself; after each, it calls this function with the step's
/// name ("step") and that step's own input, the call's answer inside.
/// </summary>
public sealed class BackupStepFunction : IDrillFunction
{
    private readonly StepRouter _router;

    public BackupStepFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public BackupStepFunction(DrillServices services)
    {
        var json = DrillJson.Default;
        _router = new StepRouter(DrillFunctionCatalog.NameOf<BackupStepFunction>(), "step", services.Log, logByStep: true)
            .On(BackupStep.ChooseRecoveryPoint, json.RecoveryPointPage, json.RecoveryPointChoice, services.ChooseRecoveryPoint().ExecuteAsync)
            .On(BackupStep.PrepareRestore, json.AwsAnswerInput, json.StartRestoreJobParameters, services.PrepareBackupRestore().ExecuteAsync)
            .On(BackupStep.RecordRestoreJob, json.AwsAnswerInput, json.RestoreJobPoll, services.RecordRestoreJob().ExecuteAsync)
            .On(BackupStep.CheckRestoreJob, json.RestoreJobAnswer, json.RestoreJobPoll, services.CheckRestoreJob().ExecuteAsync)
            .On(BackupStep.CheckRestoredResource, json.RestoredResourceAnswer, json.ResourceReadiness, services.CheckRestoredResource().ExecuteAsync)
            .On(BackupStep.RecordVerifierAnswer, json.VerifierReply, json.TargetRef, services.RecordVerifierAnswer().ExecuteAsync)
            .On(BackupStep.RecordValidation, json.ValidationReport, json.TargetRef, services.RecordValidation().ExecuteAsync);
    }

    /// <summary>The step names the state machine may pass.</summary>
    public IEnumerable<string> Steps => _router.Steps;

    public Task<Stream> Handle(Stream input) => _router.RouteAsync(input);
}
