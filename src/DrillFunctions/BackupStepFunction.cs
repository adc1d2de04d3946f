using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
    private readonly Dictionary<string, Func<Stream, Task<Stream>>> _steps = new(StringComparer.Ordinal);

    public BackupStepFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public BackupStepFunction(DrillServices services)
    {
        var log = services.Log;
        void Step<TIn, TOut>(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, CancellationToken, Task<TOut>> run) =>
            _steps[name] = stream => TaskJson.RunAsync(stream, input, output, run, log, name);

        var json = DrillJson.Default;
        Step(BackupStep.ChooseRecoveryPoint, json.RecoveryPointPage, json.RecoveryPointChoice, services.ChooseRecoveryPoint().ExecuteAsync);
        Step(BackupStep.PrepareRestore, json.AwsAnswerInput, json.StartRestoreJobParameters, services.PrepareBackupRestore().ExecuteAsync);
        Step(BackupStep.RecordRestoreJob, json.AwsAnswerInput, json.RestoreJobPoll, services.RecordRestoreJob().ExecuteAsync);
        Step(BackupStep.CheckRestoreJob, json.RestoreJobAnswer, json.RestoreJobPoll, services.CheckRestoreJob().ExecuteAsync);
        Step(BackupStep.CheckRestoredResource, json.RestoredResourceAnswer, json.ResourceReadiness, services.CheckRestoredResource().ExecuteAsync);
        Step(BackupStep.RecordVerifierAnswer, json.VerifierReply, json.TargetRef, services.RecordVerifierAnswer().ExecuteAsync);
        Step(BackupStep.RecordValidation, json.ValidationReport, json.TargetRef, services.RecordValidation().ExecuteAsync);
    }

    /// <summary>The step names the state machine may pass.</summary>
    public IEnumerable<string> Steps => _steps.Keys;

    public async Task<Stream> Handle(Stream input)
    {
        var buffered = new MemoryStream();
        await input.CopyToAsync(buffered);
        var step = StepName(buffered.ToArray());
        buffered.Position = 0;
        return _steps.TryGetValue(step, out var run)
            ? await run(buffered)
            : throw new ArgumentException($"Unknown AWS Backup step '{step}'; the state machine may pass: {string.Join(", ", _steps.Keys)}.", nameof(input));
    }

    private static string StepName(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.String
            ? step.GetString()!
            : throw new ArgumentException("The AWS Backup step function needs a \"step\" naming the decision to make.", nameof(payload));
    }
}
