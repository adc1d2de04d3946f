using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.AwsBackup;

/// <summary>
/// Reads one ListRecoveryPointsByResource page and keeps the COMPLETED recovery point the run wants
/// (in the plan's vault, if it names one) in the run record: the newest, a seeded draw or the oldest
/// within the rule's window, or the newest at or before a common instant. AWS Backup lists in no
/// guaranteed order, so the choice is made only after the last page; then a missing or too old point fails the target.
/// </summary>
public sealed class ChooseRecoveryPoint(IRunStore runs, TimeProvider time)
{
    public const string Completed = "COMPLETED";

    public async Task<RecoveryPointChoice> ExecuteAsync(RecoveryPointPage input, CancellationToken cancellationToken)
    {
        var page = AwsAnswer.Required(input.Answer, "ListRecoveryPointsByResource answer");
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        DrillDeadline.ThrowIfPassed(context.Run, time.GetUtcNow(), $"target '{input.TargetId}' had not started");
        var target = context.Plan.BackupTarget(input.TargetId);
        var wanted = PointWanted.For(context.Run, context.Plan, target);
        var record = await runs.GetTargetAsync(input.RunId, input.TargetId, cancellationToken);

        // The first page starts a new search: a retried listing must not add to an old one.
        var firstPage = input.FirstPage;
        var best = firstPage ? null : record.RecoveryPoint;
        var backup = firstPage || record.Backup is null ? new BackupRestore(0, 0, null) : record.Backup;
        var skipped = firstPage ? null : backup.NewestSkipped;
        var skippedAt = firstPage ? null : backup.NewestSkippedAt;
        var vault = backup.BackupVaultName;
        var seen = 0;
        foreach (var point in AwsAnswer.Array(page, "RecoveryPoints"))
        {
            seen++;
            var arn = AwsAnswer.String(point, "RecoveryPointArn");
            var created = AwsAnswer.Time(point, "CreationDate");
            var status = AwsAnswer.String(point, "Status");
            var pointVault = AwsAnswer.String(point, "BackupVaultName");
            if (arn is null || created is null)
            {
                continue;
            }

            var whyNot = status != Completed
                ? $"status {status ?? "unknown"}{(AwsAnswer.String(point, "StatusMessage") is { } message ? $" ({message})" : string.Empty)}"
                : target.BackupVaultName is { } wantedVault && pointVault != wantedVault
                    ? $"in vault '{pointVault}', not '{wantedVault}'"
                    : !wanted.Admits(created.Value)
                        ? $"not{wanted.WindowText}"
                        : null;
            if (whyNot is not null)
            {
                if (skippedAt is null || created > skippedAt)
                {
                    skipped = $"{arn} of {created:u}: {whyNot}";
                    skippedAt = created;
                }

                continue;
            }

            if (best is null || wanted.Prefers(created.Value, arn, best.CreatedAt, best.BackupArn ?? string.Empty))
            {
                best = new RecoveryPoint(RecoveryPoint.AwsBackup, arn, created.Value) { Select = wanted.Drawn };
                vault = pointVault;
            }
        }

        var nextToken = AwsAnswer.String(page, "NextToken");
        backup = backup with { PointsSeen = backup.PointsSeen + seen, PagesRead = backup.PagesRead + 1, NewestSkipped = skipped, NewestSkippedAt = skippedAt, BackupVaultName = vault };
        record = record with { RecoveryPoint = best, Backup = backup };
        if (!string.IsNullOrEmpty(nextToken))
        {
            await runs.SaveTargetAsync(record, cancellationToken);
            return new RecoveryPointChoice(MorePages: true, nextToken, null, null);
        }

        if (best is null)
        {
            await runs.SaveTargetAsync(record, cancellationToken);
            var where = target.BackupVaultName is null ? string.Empty : $" in vault '{target.BackupVaultName}'";
            var listed = backup.PointsSeen == 0 ? "AWS Backup lists none for it" : $"{backup.PointsSeen} listed, none usable; newest skipped: {skipped}";
            throw new RecoveryPointNotFound($"no COMPLETED recovery point{wanted.WindowText} for '{target.ResourceArn}'{where}: {listed}");
        }

        var now = time.GetUtcNow();
        await runs.SaveTargetAsync(record with { Stage = TargetStage.Resolved, ResolvedAt = now }, cancellationToken);
        var age = context.Run.StartedAt - best.CreatedAt;

        // A sampled older point is old on purpose; maxRecoveryPointAgeHours judges the newest one.
        if (target.MaxRecoveryPointAge is { } maxAge && age > maxAge && wanted.Select == PointSelect.Latest)
        {
            throw new RecoveryPointTooOld(
                $"the newest COMPLETED recovery point of '{target.ResourceArn}' ({best.BackupArn}) was created at {best.CreatedAt:u}, {age.TotalHours:0.#} h before the drill began; maxRecoveryPointAgeHours is {maxAge.TotalHours:0.##}");
        }

        return new RecoveryPointChoice(MorePages: false, null, best.BackupArn, vault);
    }
}
