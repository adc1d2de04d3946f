using System.Text.Json;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;

namespace DrillRunner.Core.AwsBackup;

/// <summary>
/// Builds StartRestoreJob's request from the recovery point's restore metadata: the plan's
/// overrides on top, and on top of those the keys the runner always sets (the scratch name; for
/// S3 and EFS, a new resource), so that nothing can restore into the source.
/// </summary>
public sealed class PrepareBackupRestore(IRunStore runs)
{
    public async Task<StartRestoreJobParameters> ExecuteAsync(AwsAnswerInput input, CancellationToken cancellationToken)
    {
        var answer = AwsAnswer.Required(input.Answer, "GetRecoveryPointRestoreMetadata answer");
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var target = context.Plan.BackupTarget(input.TargetId);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var recoveryPointArn = record.RecoveryPoint?.BackupArn ?? throw new InvalidOperationException($"Target '{input.TargetId}' has no recovery point; ChooseRecoveryPoint must run first.");

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (answer.TryGetProperty("RestoreMetadata", out var restoreMetadata) && restoreMetadata.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in restoreMetadata.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
            {
                metadata[entry.Name] = entry.Value.GetString()!;
            }
        }

        foreach (var (key, value) in target.RestoreMetadata)
        {
            metadata[key] = value;
        }

        var scratchName = ScratchNames.For(context.Plan.ScratchPrefix, input.RunId, target);
        var forced = target.Kind.ForcedMetadata(scratchName);
        foreach (var key in metadata.Keys.Where(k => forced.Keys.Any(f => string.Equals(f, k, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            metadata.Remove(key);
        }

        foreach (var (key, value) in forced)
        {
            metadata[key] = value;
        }

        // Safety rule 1, checked again where it matters: the restore must create a new, scratch-named resource.
        if (!scratchName.StartsWith(context.Plan.ScratchPrefix, StringComparison.Ordinal) || scratchName == target.ResourceName)
        {
            throw new InvalidOperationException($"Refusing to restore '{target.ResourceArn}' into '{scratchName}': not a scratch name distinct from the source.");
        }

        return new StartRestoreJobParameters(
            recoveryPointArn,
            metadata,
            IdempotencyToken(input.RunId, input.TargetId),
            target.Kind.AwsBackupName);
    }

    /// <summary>The same run and target always ask for the same job, so a retried StartRestoreJob starts no second restore.</summary>
    public static string IdempotencyToken(string runId, string targetId) => $"drill-{runId}-{targetId}";
}
