using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>
/// Finds a table's newest recovery point: PITR's latest restorable time, or the newest AVAILABLE
/// backup of any kind (BackupType ALL, so AWS-Backup-made backups count too). Reads only.
/// </summary>
public sealed class DynamoDbRecoveryPointCatalog(IAmazonDynamoDB dynamoDb) : IRecoveryPointCatalog
{
    public async Task<RecoveryPointSearch> FindLatestAsync(DynamoDbTarget target, CancellationToken cancellationToken)
    {
        DateTimeOffset? latestRestorable;
        try
        {
            latestRestorable = await LatestRestorableTimeAsync(target.TableName, cancellationToken);
        }
        catch (TableNotFoundException)
        {
            return new RecoveryPointSearch(null, $"the source table '{target.TableName}' does not exist");
        }

        if (target.RestoreFrom == RestoreSource.Pitr)
        {
            return latestRestorable is { } pitr
                ? new RecoveryPointSearch(new RecoveryPoint(RecoveryPoint.Pitr, null, pitr), null)
                : new RecoveryPointSearch(null, "point-in-time recovery is not enabled (the plan asks for restoreFrom \"pitr\")");
        }

        if (target.RestoreFrom == RestoreSource.Auto && latestRestorable is { } auto)
        {
            return new RecoveryPointSearch(new RecoveryPoint(RecoveryPoint.Pitr, null, auto), null);
        }

        var (backup, vaultOnly) = await NewestAvailableBackupAsync(target.TableName, cancellationToken);
        if (backup is not null)
        {
            return new RecoveryPointSearch(new RecoveryPoint(RecoveryPoint.Backup, backup.BackupArn, AwsTime.ToOffset(backup.BackupCreationDateTime!.Value)), null);
        }

        var vaultNote = vaultOnly > 0
            ? $"; {vaultOnly} AWS Backup recovery point(s) with advanced features exist, but those restore only through AWS Backup's StartRestoreJob: drill this table with an \"aws-backup\" target"
            : string.Empty;
        return new RecoveryPointSearch(null, (target.RestoreFrom == RestoreSource.Auto
            ? "point-in-time recovery is off and the table has no AVAILABLE DynamoDB backup (on-demand or AWS Backup)"
            : "the table has no AVAILABLE DynamoDB backup (on-demand or AWS Backup)") + vaultNote);
    }

    private async Task<DateTimeOffset?> LatestRestorableTimeAsync(string tableName, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = tableName }, cancellationToken);
        var pitr = response.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        if (pitr?.PointInTimeRecoveryStatus != PointInTimeRecoveryStatus.ENABLED || pitr.LatestRestorableDateTime is not { } latest)
        {
            return null;
        }

        return AwsTime.ToOffset(latest);
    }

    /// <summary>
    /// The newest AVAILABLE backup that RestoreTableFromBackup can restore: DynamoDB backup ARNs only.
    /// Recovery points of AWS Backup's advanced features (arn:aws:backup:…) are counted, not chosen.
    /// </summary>
    private async Task<(BackupSummary? Newest, int VaultOnly)> NewestAvailableBackupAsync(string tableName, CancellationToken cancellationToken)
    {
        BackupSummary? newest = null;
        var vaultOnly = 0;
        string? startArn = null;
        do
        {
            var page = await dynamoDb.ListBackupsAsync(
                new ListBackupsRequest { TableName = tableName, BackupType = BackupTypeFilter.ALL, ExclusiveStartBackupArn = startArn },
                cancellationToken);
            foreach (var summary in page.BackupSummaries ?? [])
            {
                if (summary.BackupStatus != BackupStatus.AVAILABLE || summary.BackupCreationDateTime is null)
                {
                    continue;
                }

                if (!IsDynamoDbBackupArn(summary.BackupArn))
                {
                    vaultOnly++;
                    continue;
                }

                if (newest is null || summary.BackupCreationDateTime > newest.BackupCreationDateTime)
                {
                    newest = summary;
                }
            }

            startArn = page.LastEvaluatedBackupArn;
        }
        while (!string.IsNullOrEmpty(startArn));

        return (newest, vaultOnly);
    }

    private static bool IsDynamoDbBackupArn(string? arn) =>
        arn is not null && arn.Split(':') is { Length: > 5 } parts && parts[2] == "dynamodb";
}
