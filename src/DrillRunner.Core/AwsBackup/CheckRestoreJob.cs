using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Native;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.AwsBackup;

/// <summary>
/// One DescribeRestoreJob answer. COMPLETED: the stage times are AWS Backup's own (CreationDate,
/// CompletionDate) and the created resource is recorded for tagging, verification and teardown.
/// FAILED or ABORTED fail the target with AWS's message; otherwise the next look is scheduled,
/// guided by ExpectedCompletionTimeMinutes when AWS gives it.
/// </summary>
public sealed class CheckRestoreJob(IRunStore runs, TimeProvider time)
{
    public async Task<RestoreJobPoll> ExecuteAsync(RestoreJobAnswer input, CancellationToken cancellationToken)
    {
        var job = AwsAnswer.Required(input.Answer, "DescribeRestoreJob answer");
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var target = context.Plan.BackupTarget(input.TargetId);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);
        var now = time.GetUtcNow();
        var status = AwsAnswer.String(job, "Status") ?? "UNKNOWN";
        var message = AwsAnswer.String(job, "StatusMessage");
        var created = AwsAnswer.Time(job, "CreationDate");
        var expected = AwsAnswer.Long(job, "ExpectedCompletionTimeMinutes");
        var backup = (record.Backup ?? new BackupRestore(0, 0, null)) with { JobStatus = status, JobStatusMessage = message, ExpectedCompletionMinutes = expected };
        var jobId = AwsAnswer.String(job, "RestoreJobId") ?? backup.RestoreJobId ?? "(unknown)";
        var requestedAt = created ?? record.RestoreRequestedAt ?? now;
        // This target's earlier restores first; AWS Backup's own estimate when there are none.
        var forecast = record.Forecast ?? (expected is { } minutes ? new RestoreForecast(minutes * 60.0, RestoreForecast.FromAwsBackup) : null);
        record = record with { Backup = backup, Polls = record.Polls + 1, LastPolledAt = now, RestoreRequestedAt = requestedAt, Forecast = forecast };

        switch (status)
        {
            case "COMPLETED":
                return await CompletedAsync(jobId, context, target, record, job, cancellationToken);

            case "FAILED" or "ABORTED":
                await runs.SaveTargetAsync(record, cancellationToken);
                throw new RestoreFailed($"AWS Backup restore job {jobId} of '{target.ResourceArn}' ended {status}{(message is null ? string.Empty : $": {message}")}");

            default:
                await runs.SaveTargetAsync(record, cancellationToken);
                var attempt = input.Attempt + 1;
                var wait = PollSchedule.NextWaitSeconds(requestedAt, now, forecast?.Duration, context.Plan.RestoreTimeoutMinutes, $"AWS Backup restore job {jobId} of '{target.ResourceArn}' was still {status}", context.Run);

                return new RestoreJobPoll(jobId, Restored: false, attempt, wait);
        }
    }

    private async Task<RestoreJobPoll> CompletedAsync(string jobId, RunContext context, AwsBackupTarget target, TargetRun record, System.Text.Json.JsonElement job, CancellationToken cancellationToken)
    {
        var createdArn = AwsAnswer.String(job, "CreatedResourceArn");
        var completedAt = AwsAnswer.Time(job, "CompletionDate") ?? time.GetUtcNow();
        var pointCreated = AwsAnswer.Time(job, "RecoveryPointCreationDate");
        var scratch = record.Scratch ?? throw new InvalidOperationException($"Target '{record.TargetId}' has no scratch record; RecordRestoreJob must run first.");
        record = record with
        {
            Stage = TargetStage.Restored,
            RestoreCompletedAt = completedAt,
            RestoreCompletedNotBefore = completedAt,
            RecoveryPoint = pointCreated is { } rp && record.RecoveryPoint is { } point ? point with { CreatedAt = rp } : record.RecoveryPoint,
            Backup = record.Backup! with { CreatedResourceArn = createdArn },
        };

        var parsed = createdArn is null ? null : RestoreKinds.Parse(createdArn);
        if (createdArn is null || parsed is null || parsed.Value.Kind != target.Kind)
        {
            await runs.SaveTargetAsync(record, cancellationToken);
            throw new RestoreFailed($"AWS Backup restore job {jobId} of '{target.ResourceArn}' completed without a {target.Kind.AwsBackupName} resource to verify (CreatedResourceArn: {createdArn ?? "none"})");
        }

        if (createdArn == target.ResourceArn || parsed.Value.Name == target.ResourceName)
        {
            // Never recorded as this run's: teardown must not touch the source.
            await runs.SaveTargetAsync(record with { Scratch = scratch with { CreatedByRun = false, TeardownNote = "refused: the restore landed on the source resource" } }, cancellationToken);
            throw new RestoreFailed($"AWS Backup restore job {jobId} restored into the source '{createdArn}' instead of a scratch resource; the runner never deletes it");
        }

        // Named resources are known by the name AWS gave them; volumes and file systems by the Name tag the run gives them.
        scratch = ScratchKinds.NamedByTag(scratch.Kind)
            ? scratch with { Arn = createdArn }
            : scratch with { Arn = createdArn, Name = parsed.Value.Name };
        var tags = StartRestore.ScratchTags(context);
        if (ScratchKinds.NamedByTag(scratch.Kind))
        {
            tags[TeardownGuard.NameTag] = scratch.Name;
        }

        await runs.SaveTargetAsync(record with { Scratch = scratch }, cancellationToken);
        return new RestoreJobPoll(jobId, Restored: true, Attempt: 0, WaitSeconds: 0)
        {
            Resource = new RestoredResource(scratch.Kind, parsed.Value.Name, new TagResourcesParameters([createdArn], tags), target.VerifierFunction),
        };
    }
}
