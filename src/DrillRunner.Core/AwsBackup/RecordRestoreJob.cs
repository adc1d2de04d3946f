using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.AwsBackup;

/// <summary>Records the restore job AWS Backup started, and the scratch resource it will create, before the first poll.</summary>
public sealed class RecordRestoreJob(IRunStore runs, TimeProvider time)
{
    public async Task<RestoreJobPoll> ExecuteAsync(AwsAnswerInput input, CancellationToken cancellationToken)
    {
        var job = AwsAnswer.Required(input.Answer, "StartRestoreJob answer");
        var jobId = AwsAnswer.String(job, "RestoreJobId") ?? throw new InvalidOperationException("StartRestoreJob answered without a RestoreJobId.");
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var target = context.Plan.BackupTarget(input.TargetId);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var scratchName = ScratchNames.For(context.Plan.ScratchPrefix, input.RunId, target);
        var now = time.GetUtcNow();
        var forecast = record.Forecast ?? await ForecastRestore.ForAsync(runs, context.Run, input.TargetId, sourceSizeBytes: null, cancellationToken);

        await runs.SaveTargetAsync(
            record with
            {
                Stage = TargetStage.Restoring,
                RestoreRequestedAt = record.RestoreRequestedAt ?? now,
                Forecast = forecast,
                Scratch = record.Scratch ?? new ScratchResource(scratchName, null, CreatedByRun: true) { Kind = target.Kind.ScratchKind },
                Backup = (record.Backup ?? new BackupRestore(0, 0, null)) with { RestoreJobId = jobId },
            },
            cancellationToken);
        var timeout = TimeSpan.FromMinutes(context.Plan.RestoreTimeoutMinutes);
        return new RestoreJobPoll(jobId, Restored: false, Attempt: 0, PollSchedule.WaitSeconds(TimeSpan.Zero, forecast?.Duration, timeout));
    }
}
