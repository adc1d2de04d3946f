using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>
/// Finds a table's recovery point: a second of its point-in-time recovery window (the latest
/// restorable time, a drawn or the oldest second, or a common instant), or an AVAILABLE backup of
/// any kind (BackupType ALL, so AWS-Backup-made backups count too). Reads only.
/// </summary>
public sealed class DynamoDbRecoveryPointCatalog(IAmazonDynamoDB dynamoDb) : IRecoveryPointCatalog
{
    /// <summary>The newest usable recovery point, or null with the reason there is none.</summary>
    public Task<RecoveryPointSearch> FindLatestAsync(DynamoDbTarget target, CancellationToken cancellationToken) =>
        FindAsync(target, PointWanted.Newest, cancellationToken);

    public async Task<RecoveryPointSearch> FindAsync(DynamoDbTarget target, PointWanted wanted, CancellationToken cancellationToken)
    {
        ContinuousWindow? window;
        var sourceGone = false;
        try
        {
            window = await DescribeWindowAsync(target.TableName, cancellationToken);
        }
        catch (TableNotFoundException)
        {
            // A deleted table's point-in-time recovery went with it, but its backups did not: on-demand backups are kept
            // until deleted, and deleting a table with PITR on leaves a system backup for 35 days (DynamoDB Developer Guide,
            // "Enable point-in-time recovery in DynamoDB", section "Delete a table with PITR enabled":
            // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html). A recovery drill restores from what survived.
            (window, sourceGone) = (null, true);
        }

        if (sourceGone && target.RestoreFrom == RestoreSource.Pitr)
        {
            return new RecoveryPointSearch(null, $"the source table '{target.TableName}' does not exist, and its point-in-time recovery ended with it; a table deleted with PITR on leaves a system backup: drill it with restoreFrom \"backup\" or \"auto\"");
        }

        string? pitrWhyNot = sourceGone ? $"the source table '{target.TableName}' does not exist (whatever point-in-time recovery it had ended with it)" : null;
        if (target.RestoreFrom != RestoreSource.Backup && window is not null)
        {
            if (InWindow(window, wanted) is { } point)
            {
                return new RecoveryPointSearch(point, null);
            }

            pitrWhyNot = wanted.Instant is { } at
                ? $"the common instant {at:u} is outside what point-in-time recovery can restore to now ({window.Earliest:u} to {window.Latest:u}): it was switched off and on again, or its recovery period ended, after T was chosen"
                : $"point-in-time recovery can restore only from {window.Earliest:u} to {window.Latest:u}, and no second of that is{wanted.WindowText}";
        }

        if (target.RestoreFrom == RestoreSource.Pitr)
        {
            return new RecoveryPointSearch(null, pitrWhyNot ?? "point-in-time recovery is not enabled (the plan asks for restoreFrom \"pitr\")");
        }

        var (backup, vaultOnly) = await ChosenBackupAsync(target.TableName, wanted, cancellationToken);
        if (backup is not null)
        {
            return new RecoveryPointSearch(new RecoveryPoint(RecoveryPoint.Backup, backup.BackupArn, AwsTime.ToOffset(backup.BackupCreationDateTime!.Value)), null);
        }

        var vaultNote = vaultOnly > 0
            ? $"; {vaultOnly} AWS Backup recovery point(s) with advanced features exist, but those restore only through AWS Backup's StartRestoreJob: drill this table with an \"aws-backup\" target"
            : string.Empty;
        if (sourceGone)
        {
            return new RecoveryPointSearch(null, $"{pitrWhyNot} and no AVAILABLE DynamoDB backup of it survives{wanted.WindowText}: its data is gone for good, unless AWS Backup holds a copy (drill that with an \"aws-backup\" target){vaultNote}");
        }

        var backups = $"the table has no AVAILABLE DynamoDB backup (on-demand or AWS Backup){wanted.WindowText}";
        var why = target.RestoreFrom == RestoreSource.Auto
            ? pitrWhyNot is null ? $"point-in-time recovery is off and {backups}" : $"{pitrWhyNot}; and {backups}"
            : backups;
        return new RecoveryPointSearch(null, why + vaultNote);
    }

    public async Task<ContinuousWindow?> ContinuousWindowAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return await DescribeWindowAsync(tableName, cancellationToken);
        }
        catch (TableNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The second of the window the run wants: the latest restorable time (AWS is asked for "latest",
    /// and the restore reports the second it reached), or an exact second — a common instant, a draw, the oldest.
    /// </summary>
    private static RecoveryPoint? InWindow(ContinuousWindow window, PointWanted wanted)
    {
        if (wanted.Instant is { } at)
        {
            return at >= window.Earliest && at <= window.Latest
                ? new RecoveryPoint(RecoveryPoint.Pitr, null, at) { ExactInstant = true }
                : null;
        }

        var from = wanted.NotBefore is { } notBefore && notBefore > window.Earliest ? notBefore : window.Earliest;
        if (from > window.Latest)
        {
            return null;
        }

        return wanted.Select switch
        {
            PointSelect.Random => new RecoveryPoint(RecoveryPoint.Pitr, null, PointDraw.Instant(from, window.Latest, wanted.Seed)) { ExactInstant = true },
            PointSelect.Oldest => new RecoveryPoint(RecoveryPoint.Pitr, null, PointDraw.Oldest(from, window.Latest)) { ExactInstant = true },
            _ => new RecoveryPoint(RecoveryPoint.Pitr, null, window.Latest),
        };
    }

    /// <summary>The table's PITR window; null when PITR is off. Throws TableNotFoundException for a missing table.</summary>
    private async Task<ContinuousWindow?> DescribeWindowAsync(string tableName, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = tableName }, cancellationToken);
        var pitr = response.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        if (pitr?.PointInTimeRecoveryStatus != PointInTimeRecoveryStatus.ENABLED || pitr.LatestRestorableDateTime is not { } latest)
        {
            return null;
        }

        var latestAt = AwsTime.ToOffset(latest);
        return new ContinuousWindow(pitr.EarliestRestorableDateTime is { } earliest ? AwsTime.ToOffset(earliest) : latestAt, latestAt);
    }

    /// <summary>
    /// The AVAILABLE backup the run wants (newest, drawn or oldest, within its window) that
    /// RestoreTableFromBackup can restore: DynamoDB backup ARNs only. Recovery points of AWS Backup's
    /// advanced features (arn:aws:backup:…) are counted, not chosen.
    /// </summary>
    private async Task<(BackupSummary? Chosen, int VaultOnly)> ChosenBackupAsync(string tableName, PointWanted wanted, CancellationToken cancellationToken)
    {
        BackupSummary? chosen = null;
        var vaultOnly = 0;
        string? startArn = null;
        do
        {
            var page = await dynamoDb.ListBackupsAsync(
                new ListBackupsRequest { TableName = tableName, BackupType = BackupTypeFilter.ALL, ExclusiveStartBackupArn = startArn },
                cancellationToken);
            foreach (var summary in page.BackupSummaries ?? [])
            {
                if (summary.BackupStatus != BackupStatus.AVAILABLE || summary.BackupCreationDateTime is not { } createdAt)
                {
                    continue;
                }

                if (!IsDynamoDbBackupArn(summary.BackupArn))
                {
                    vaultOnly++;
                    continue;
                }

                var created = AwsTime.ToOffset(createdAt);
                if (!wanted.Admits(created))
                {
                    continue;
                }

                if (chosen is null || wanted.Prefers(created, summary.BackupArn, AwsTime.ToOffset(chosen.BackupCreationDateTime!.Value), chosen.BackupArn))
                {
                    chosen = summary;
                }
            }

            startArn = page.LastEvaluatedBackupArn;
        }
        while (!string.IsNullOrEmpty(startArn));

        return (chosen, vaultOnly);
    }

    private static bool IsDynamoDbBackupArn(string? arn) =>
        arn is not null && arn.Split(':') is { Length: > 5 } parts && parts[2] == "dynamodb";
}
