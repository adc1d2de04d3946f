using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;

namespace DrillFunctions;

/// <summary>
/// Lambda entry point for the decisions of the AWS Backup branch. The state machine makes every AWS
/// Backup, tagging and describe call itself; after each, it calls this function with the step's
/// name and the target's state (the call's answer inside), and continues with what it hands back.
/// </summary>
public sealed class BackupStepFunction : IDrillFunction
{
    private readonly TextWriter _log;
    private readonly IReadOnlyDictionary<string, Func<BackupTargetState, CancellationToken, Task<BackupTargetState>>> _steps;

    public BackupStepFunction()
        : this(DrillServices.FromEnvironment())
    {
    }

    public BackupStepFunction(DrillServices services)
    {
        _log = services.Log;
        _steps = new Dictionary<string, Func<BackupTargetState, CancellationToken, Task<BackupTargetState>>>(StringComparer.Ordinal)
        {
            ["ChooseRecoveryPoint"] = services.ChooseRecoveryPoint().ExecuteAsync,
            ["PrepareRestore"] = services.PrepareBackupRestore().ExecuteAsync,
            ["RecordRestoreJob"] = services.RecordRestoreJob().ExecuteAsync,
            ["CheckRestoreJob"] = services.CheckRestoreJob().ExecuteAsync,
            ["CheckRestoredResource"] = services.CheckRestoredResource().ExecuteAsync,
            ["RecordVerifierAnswer"] = services.RecordVerifierAnswer().ExecuteAsync,
            ["RecordValidation"] = services.RecordValidation().ExecuteAsync,
        };
    }

    /// <summary>The step names the state machine may pass.</summary>
    public IEnumerable<string> Steps => _steps.Keys;

    public Task<Stream> Handle(Stream input) =>
        TaskJson.RunAsync(input, DrillJson.Default.BackupStepInput, DrillJson.Default.BackupTargetState, RunAsync, _log, "BackupStep");

    private Task<BackupTargetState> RunAsync(BackupStepInput input, CancellationToken cancellationToken) =>
        _steps.TryGetValue(input.Step, out var step)
            ? step(input.State, cancellationToken)
            : throw new InvalidOperationException($"Unknown AWS Backup step '{input.Step}'; known: {string.Join(", ", _steps.Keys)}.");
}
