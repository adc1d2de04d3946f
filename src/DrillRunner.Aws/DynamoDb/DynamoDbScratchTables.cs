using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.DynamoDb;

/// <summary>Scratch tables made by DynamoDB's own restore APIs. Sources are only restored from.</summary>
public sealed class DynamoDbScratchTables(IAmazonDynamoDB dynamoDb) : IScratchTables
{
    public async Task<RestoreRequest> StartRestoreAsync(DynamoDbTarget target, RecoveryPoint point, string scratchName, CancellationToken cancellationToken)
    {
        try
        {
            var description = point.Kind == RecoveryPoint.Pitr
                ? (await dynamoDb.RestoreTableToPointInTimeAsync(PitrRequest(target, point, scratchName), cancellationToken)).TableDescription
                : (await dynamoDb.RestoreTableFromBackupAsync(BackupRequest(target, point, scratchName), cancellationToken)).TableDescription;
            var restoredTo = description?.RestoreSummary?.RestoreDateTime is { } at ? AwsTime.ToOffset(at) : (DateTimeOffset?)null;
            return new RestoreRequest(
                description?.TableArn ?? throw new RestoreFailed($"AWS accepted the restore of '{target.TableName}' but returned no table ARN"),
                restoredTo,
                await SourceSizeAsync(target.TableName, cancellationToken));
        }
        catch (LimitExceededException ex)
        {
            throw new RestoreCapacityBusy($"AWS refused to start the restore of '{target.TableName}' for now: {ex.Message}");
        }
        catch (AmazonDynamoDBException ex) when (ex is PointInTimeRecoveryUnavailableException or BackupNotFoundException or BackupInUseException
            or TableAlreadyExistsException or TableNotFoundException or InvalidRestoreTimeException)
        {
            throw new RestoreFailed($"AWS refused to restore '{target.TableName}' into '{scratchName}': {ex.ErrorCode}: {ex.Message}");
        }
    }

    /// <summary>The source's size for the restore's forecast; a forecast is a guide, so a failed look is no failure.</summary>
    private async Task<long?> SourceSizeAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table?.TableSizeBytes;
        }
        catch (AmazonDynamoDBException)
        {
            return null;
        }
    }

    public async Task<ScratchTableState> DescribeAsync(string scratchName, CancellationToken cancellationToken)
    {
        try
        {
            var table = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = scratchName }, cancellationToken)).Table;
            var status = table?.TableStatus;
            if (status == TableStatus.ACTIVE && table!.RestoreSummary?.RestoreInProgress != true)
            {
                return ScratchTableState.Active;
            }

            if (status == TableStatus.CREATING || status == TableStatus.ACTIVE)
            {
                return ScratchTableState.Creating;
            }

            return status == TableStatus.DELETING ? ScratchTableState.Missing : ScratchTableState.Other;
        }
        catch (ResourceNotFoundException)
        {
            return ScratchTableState.Missing;
        }
    }

    public async Task<bool> TryTagAsync(string tableArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.TagResourceAsync(
                new TagResourceRequest { ResourceArn = tableArn, Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() },
                cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is ResourceInUseException or ResourceNotFoundException)
        {
            // A table still being created may refuse tags; the next poll tries again.
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string tableArn, CancellationToken cancellationToken)
    {
        try
        {
            return await TableTags.ReadAsync(dynamoDb, tableArn, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            // No table, no tags: the guard then refuses, and DeleteTable would find nothing anyway.
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    public async Task<IReadOnlyList<ScratchListing>> ListAsync(string scratchPrefix, CancellationToken cancellationToken)
    {
        var found = new List<ScratchListing>();
        await foreach (var name in dynamoDb.Paginators.ListTables(new ListTablesRequest()).TableNames.WithCancellation(cancellationToken))
        {
            if (!name.StartsWith(scratchPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var arn = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = name }, cancellationToken)).Table.TableArn;
                found.Add(new ScratchListing(name, arn, await GetTagsAsync(arn, cancellationToken)));
            }
            catch (ResourceNotFoundException)
            {
                // Deleted between the listing and the look: nothing to sweep.
            }
        }

        return found;
    }

    public async Task<DeleteOutcome> DeleteAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.DeleteTableAsync(new DeleteTableRequest { TableName = tableName }, cancellationToken);
            return DeleteOutcome.Deleted;
        }
        catch (ResourceNotFoundException)
        {
            return DeleteOutcome.AlreadyGone;
        }
        catch (ResourceInUseException)
        {
            return DeleteOutcome.Busy;
        }
        catch (LimitExceededException)
        {
            return DeleteOutcome.LimitReached;
        }
    }

    /// <summary>To the point's instant when it asks for exactly that (<see cref="RecoveryPoint.ExactInstant"/>), else to the latest restorable time.</summary>
    private static RestoreTableToPointInTimeRequest PitrRequest(DynamoDbTarget target, RecoveryPoint point, string scratchName)
    {
        var overrides = Overrides.From(target.Restore);
        return new RestoreTableToPointInTimeRequest
        {
            SourceTableName = target.TableName,
            TargetTableName = scratchName,
            UseLatestRestorableTime = !point.ExactInstant,
            RestoreDateTime = point.ExactInstant ? point.CreatedAt.UtcDateTime : null,
            BillingModeOverride = overrides.BillingMode,
            GlobalSecondaryIndexOverride = overrides.GlobalIndexes,
            LocalSecondaryIndexOverride = overrides.LocalIndexes,
            SSESpecificationOverride = overrides.Sse,
        };
    }

    private static RestoreTableFromBackupRequest BackupRequest(DynamoDbTarget target, RecoveryPoint point, string scratchName)
    {
        var overrides = Overrides.From(target.Restore);
        return new RestoreTableFromBackupRequest
        {
            BackupArn = point.BackupArn,
            TargetTableName = scratchName,
            BillingModeOverride = overrides.BillingMode,
            GlobalSecondaryIndexOverride = overrides.GlobalIndexes,
            LocalSecondaryIndexOverride = overrides.LocalIndexes,
            SSESpecificationOverride = overrides.Sse,
        };
    }

    /// <summary>The plan's restore options as the overrides both restore APIs take (null: keep the source's).</summary>
    private sealed record Overrides(BillingMode? BillingMode, List<GlobalSecondaryIndex>? GlobalIndexes, List<LocalSecondaryIndex>? LocalIndexes, SSESpecification? Sse)
    {
        // An empty index list restores without indexes; null keeps the source's.
        public static Overrides From(RestoreOptions options) => new(
            options.BillingMode is null ? null : BillingMode.FindValue(options.BillingMode),
            options.WithoutSecondaryIndexes ? [] : null,
            options.WithoutSecondaryIndexes ? [] : null,
            SseOf(options));
    }

    private static SSESpecification? SseOf(RestoreOptions options) => options.SseType is null
        ? null
        : new SSESpecification { Enabled = true, SSEType = SSEType.FindValue(options.SseType), KMSMasterKeyId = options.KmsKeyArn };
}
