using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.StandIn;

/// <summary>
/// The backup, PITR and restore calls dynalite lacks, answered in DynamoDB's JSON protocol.
/// Restores are asynchronous: CREATING until the configured duration has passed and the items are copied.
/// A PITR restore holds the items as they were at the instant asked for, rebuilt from the table's <see cref="PitrHistory"/>.
/// </summary>
internal sealed class BackupOperations(IAmazonDynamoDB dynalite, StandInFaults faults, StandInState state, TimeProvider time, Scale.ModelledTables modelled, PitrHistory history)
{
    /// <summary>AWS's words for a RestoreDateTime outside the window (InvalidRestoreTimeException).</summary>
    public const string InvalidRestoreTimeMessage = "An invalid restore time was specified. RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime.";

    /// <summary>Hidden tables holding backups' items; never listed to clients.</summary>
    public const string CopyTablePrefix = "__standin_backup_";

    /// <summary>Pseudo backup type for the stand-in's API: an AWS Backup vault recovery point (advanced features).</summary>
    public const string VaultBackupType = "AWS_BACKUP_VAULT";

    /// <summary>The backup type DynamoDB gives the backup it keeps of a deleted table that had PITR on.</summary>
    public const string SystemBackupType = "SYSTEM";

    private readonly ConcurrentDictionary<string, StandInBackup> _backups = state.Backups;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pitrEnabledAt = state.PitrEnabledAt;
    private readonly ConcurrentDictionary<string, StandInRestore> _restores = new(StringComparer.Ordinal);
    private readonly TableCopier _copier = new(dynalite);
    private int _backupSequence;

    public async Task<JsonObject> CreateBackupAsync(JsonObject request, CancellationToken cancellationToken, string backupType = "USER")
    {
        var tableName = Required(request, "TableName");
        var table = await DescribeSourceAsync(tableName, cancellationToken);
        var items = await _copier.ReadAllAsync(tableName, cancellationToken);
        var now = time.GetUtcNow();
        var sequence = Interlocked.Increment(ref _backupSequence) + _backups.Count;
        // AWS Backup's advanced features keep DynamoDB recovery points in a vault, under a Backup ARN.
        var arn = backupType == VaultBackupType
            ? $"arn:aws:backup:us-east-1:000000000000:recovery-point:{now.ToUnixTimeMilliseconds():D13}-{sequence:D4}"
            : $"{table.TableArn}/backup/{now.ToUnixTimeMilliseconds():D13}-{sequence:D4}";
        backupType = backupType == VaultBackupType ? "AWS_BACKUP" : backupType;
        var copyTable = $"{CopyTablePrefix}{now.ToUnixTimeMilliseconds()}_{sequence}";
        await _copier.CreateLikeAsync(table, copyTable, withoutIndexes: false, cancellationToken);
        await _copier.WaitUntilActiveAsync(copyTable, cancellationToken);
        await _copier.WriteAllAsync(copyTable, items, cancellationToken);
        var backup = new StandInBackup(arn, request["BackupName"]?.GetValue<string>() ?? $"backup-{sequence}", tableName, table.TableArn, backupType, now, copyTable);
        _backups[arn] = backup;
        state.Save();
        return new JsonObject
        {
            ["BackupDetails"] = new JsonObject
            {
                ["BackupArn"] = arn,
                ["BackupName"] = backup.Name,
                ["BackupStatus"] = "AVAILABLE",
                ["BackupType"] = backupType,
                ["BackupCreationDateTime"] = Epoch(now),
                ["BackupSizeBytes"] = 0,
            },
        };
    }

    public JsonObject ListBackups(JsonObject request)
    {
        var tableName = request["TableName"]?.GetValue<string>();
        var type = request["BackupType"]?.GetValue<string>() ?? "USER"; // AWS's default leaves AWS-Backup-made backups out.
        var start = request["ExclusiveStartBackupArn"]?.GetValue<string>();
        var limit = request["Limit"]?.GetValue<int>() ?? faults.ListBackupsPageSize;
        var matching = _backups.Values
            .Where(b => tableName is null || b.TableName == tableName)
            .Where(b => type == "ALL" || b.BackupType == type)
            .OrderBy(b => b.Arn, StringComparer.Ordinal)
            .SkipWhile(b => start is not null && string.CompareOrdinal(b.Arn, start) <= 0)
            .ToList();
        var page = matching.Take(limit).ToList();
        var response = new JsonObject
        {
            ["BackupSummaries"] = new JsonArray(page.Select(b => (JsonNode)new JsonObject
            {
                ["TableName"] = b.TableName,
                ["TableArn"] = b.TableArn,
                ["BackupArn"] = b.Arn,
                ["BackupName"] = b.Name,
                ["BackupCreationDateTime"] = Epoch(b.CreatedAt),
                ["BackupStatus"] = "AVAILABLE",
                ["BackupType"] = b.BackupType,
                ["BackupSizeBytes"] = 0,
            }).ToArray()),
        };
        if (matching.Count > page.Count)
        {
            response["LastEvaluatedBackupArn"] = page[^1].Arn;
        }

        return response;
    }

    public async Task<JsonObject> UpdateContinuousBackupsAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var tableName = Required(request, "TableName");
        var table = await DescribeSourceAsync(tableName, cancellationToken);
        var enabled = request["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"]?.GetValue<bool>()
            ?? throw new DynamoDbError("ValidationException", "1 validation error detected: Value null at 'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: Member must not be null");
        if (enabled)
        {
            // Turning it on when it is on changes nothing; on after off starts a new window, as in AWS.
            var now = history.Now();
            if (_pitrEnabledAt.TryAdd(tableName, now))
            {
                history.Start(tableName, PitrHistory.KeyNames(table.KeySchema), now);
            }
        }
        else if (_pitrEnabledAt.TryRemove(tableName, out _))
        {
            history.Stop(tableName);
        }

        state.Save();

        return await ContinuousBackupsAsync(tableName, cancellationToken);
    }

    public async Task<JsonObject> DescribeContinuousBackupsAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var tableName = Required(request, "TableName");
        await DescribeSourceAsync(tableName, cancellationToken);
        return await ContinuousBackupsAsync(tableName, cancellationToken);
    }

    public async Task<JsonObject> RestoreToPointInTimeAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var source = request["SourceTableName"]?.GetValue<string>() ?? TableNameOf(Required(request, "SourceTableArn"));
        var table = await DescribeSourceAsync(source, cancellationToken);
        if (await WindowAsync(source, cancellationToken) is not var (earliest, latest))
        {
            throw new DynamoDbError("PointInTimeRecoveryUnavailableException", $"Point in time recovery is not enabled for table '{source}'");
        }

        var at = RestoreTime(request, earliest, latest);
        var items = await history.ItemsAtAsync(source, at, () => _copier.ReadAllAsync(source, cancellationToken), cancellationToken);
        return await StartRestoreAsync(request, table, items, at, backupArn: null, cancellationToken);
    }

    public async Task<JsonObject> RestoreFromBackupAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var arn = Required(request, "BackupArn");
        if (!_backups.TryGetValue(arn, out var backup))
        {
            throw new DynamoDbError("BackupNotFoundException", $"Backup not found: {arn}");
        }

        var shape = (await dynalite.DescribeTableAsync(backup.CopyTable, cancellationToken)).Table;
        var items = await _copier.ReadAllAsync(backup.CopyTable, cancellationToken);
        var source = new TableDescription
        {
            TableName = backup.TableName,
            TableArn = backup.TableArn,
            KeySchema = shape.KeySchema,
            AttributeDefinitions = shape.AttributeDefinitions,
            GlobalSecondaryIndexes = shape.GlobalSecondaryIndexes,
            LocalSecondaryIndexes = shape.LocalSecondaryIndexes,
        };
        return await StartRestoreAsync(request, source, items, backup.CreatedAt, arn, cancellationToken);
    }

    /// <summary>DescribeTable as dynalite answered it, with the restore's CREATING status and RestoreSummary laid over.</summary>
    public void Overlay(JsonObject describeTableResponse)
    {
        if (describeTableResponse["Table"] is not JsonObject table || table["TableName"]?.GetValue<string>() is not { } name || !_restores.TryGetValue(name, out var restore))
        {
            return;
        }

        if (!restore.Done)
        {
            table["TableStatus"] = "CREATING";
        }

        table["RestoreSummary"] = Summary(restore);
    }

    /// <summary>AWS refuses to delete a table that is still being restored.</summary>
    public void ThrowIfRestoring(string tableName)
    {
        if (_restores.TryGetValue(tableName, out var restore) && !restore.Done)
        {
            throw new DynamoDbError("ResourceInUseException", $"Table {tableName} is being restored and cannot be deleted yet");
        }
    }

    /// <summary>
    /// Deleting a table with PITR on leaves a SYSTEM backup named TABLE$DeletedTableBackup: "If you
    /// delete a table with point-in-time recovery enabled, a system backup is automatically created and
    /// is retained for 35 days (at no additional cost)" ("Before You Begin Using Point In Time
    /// Recovery", Amazon DynamoDB Developer Guide,
    /// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/pointintimerecovery_beforeyoubegin.html).
    /// Made before the table goes (a backup reads the table); null when PITR is off. The stand-in
    /// does not expire it after 35 days.
    /// </summary>
    public async Task<string?> KeepSystemBackupBeforeDeleteAsync(string tableName, CancellationToken cancellationToken)
    {
        if (!_pitrEnabledAt.ContainsKey(tableName))
        {
            return null;
        }

        var made = await CreateBackupAsync(new JsonObject { ["TableName"] = tableName, ["BackupName"] = $"{tableName}$DeletedTableBackup" }, cancellationToken, SystemBackupType);
        return made["BackupDetails"]!["BackupArn"]!.GetValue<string>();
    }

    /// <summary>Takes back a system backup made for a deletion that then failed.</summary>
    public void Discard(string backupArn)
    {
        if (_backups.TryRemove(backupArn, out _))
        {
            state.Save();
        }
    }

    public void Forget(string tableName)
    {
        _restores.TryRemove(tableName, out _);
        history.Stop(tableName);
        if (_pitrEnabledAt.TryRemove(tableName, out _))
        {
            state.Save();
        }
    }

    private async Task<JsonObject> StartRestoreAsync(JsonObject request, TableDescription source, IReadOnlyList<Dictionary<string, AttributeValue>> items, DateTimeOffset restoredTo, string? backupArn, CancellationToken cancellationToken)
    {
        var target = Required(request, "TargetTableName");
        try
        {
            await dynalite.DescribeTableAsync(target, cancellationToken);
            throw new DynamoDbError("TableAlreadyExistsException", $"Table already exists: {target}");
        }
        catch (ResourceNotFoundException)
        {
            // The target must not exist yet.
        }

        var withoutIndexes = request["GlobalSecondaryIndexOverride"] is JsonArray { Count: 0 };
        await _copier.CreateLikeAsync(source, target, withoutIndexes, cancellationToken);
        var duration = modelled.Restore(source.TableName, target) ?? faults.RestoreDuration;
        var restore = new StandInRestore(target, source.TableArn, backupArn, restoredTo, time.GetUtcNow() + duration);
        _restores[target] = restore;
        var fails = faults.RestoreFails(source.TableName);
        var released = faults.RestoresReleased;
        _ = Task.Run(() => CompleteRestoreAsync(restore, items, fails, released), CancellationToken.None);

        var created = await dynalite.DescribeTableAsync(target, cancellationToken);
        return new JsonObject
        {
            ["TableDescription"] = new JsonObject
            {
                ["TableName"] = target,
                ["TableArn"] = created.Table.TableArn,
                ["TableStatus"] = "CREATING",
                ["KeySchema"] = new JsonArray(source.KeySchema.Select(k => (JsonNode)new JsonObject { ["AttributeName"] = k.AttributeName, ["KeyType"] = k.KeyType.Value }).ToArray()),
                ["RestoreSummary"] = Summary(restore),
            },
        };
    }

    private async Task CompleteRestoreAsync(StandInRestore restore, IReadOnlyList<Dictionary<string, AttributeValue>> items, bool fails, Task released)
    {
        await _copier.WaitUntilActiveAsync(restore.TargetTable, CancellationToken.None);
        if (!fails)
        {
            await _copier.WriteAllAsync(restore.TargetTable, items, CancellationToken.None);
        }

        var wait = restore.ReadyAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time);
        }

        await released;

        if (fails)
        {
            // What AWS does with a restore it cannot finish: the half-made table goes away. Never
            // marked done, so no look in between can see it ACTIVE: it is CREATING, then gone.
            await dynalite.DeleteTableAsync(restore.TargetTable);
            _restores.TryRemove(restore.TargetTable, out _);
            return;
        }

        restore.Done = true;
    }

    private async Task<JsonObject> ContinuousBackupsAsync(string tableName, CancellationToken cancellationToken)
    {
        var description = new JsonObject { ["PointInTimeRecoveryStatus"] = "DISABLED" };
        if (await WindowAsync(tableName, cancellationToken) is var (earliest, latest))
        {
            description["PointInTimeRecoveryStatus"] = "ENABLED";
            description["EarliestRestorableDateTime"] = Epoch(earliest);
            description["LatestRestorableDateTime"] = Epoch(latest);
        }

        return new JsonObject
        {
            ["ContinuousBackupsDescription"] = new JsonObject
            {
                ["ContinuousBackupsStatus"] = "ENABLED",
                ["PointInTimeRecoveryDescription"] = description,
            },
        };
    }

    /// <summary>The instants a PITR restore of the table can reach (to the millisecond), or null when PITR is off.</summary>
    private async Task<(DateTimeOffset Earliest, DateTimeOffset Latest)?> WindowAsync(string tableName, CancellationToken cancellationToken)
    {
        if (await history.EarliestAsync(tableName, cancellationToken) is not { } earliest)
        {
            return null;
        }

        // Just after PITR is turned on, AWS already offers the moment it was turned on.
        var latest = PitrHistory.Truncate(time.GetUtcNow() - faults.PitrLagOf(tableName));
        return (earliest, latest < earliest ? earliest : latest);
    }

    /// <summary>The instant a RestoreTableToPointInTime asks for: the latest restorable time, or its RestoreDateTime if inside the window.</summary>
    private static DateTimeOffset RestoreTime(JsonObject request, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var useLatest = request["UseLatestRestorableTime"]?.GetValue<bool>() == true;
        var asked = request["RestoreDateTime"];
        if (useLatest && asked is not null)
        {
            throw new DynamoDbError("ValidationException", "Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
        }

        if (useLatest)
        {
            return latest;
        }

        if (asked is null)
        {
            throw new DynamoDbError("ValidationException", "Either RestoreDateTime or UseLatestRestorableTime (true) must be specified");
        }

        var at = PitrHistory.Truncate(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(asked.GetValue<double>() * 1000)));
        return at >= earliest && at <= latest ? at : throw new DynamoDbError("InvalidRestoreTimeException", InvalidRestoreTimeMessage);
    }

    private async Task<TableDescription> DescribeSourceAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await dynalite.DescribeTableAsync(tableName, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            throw new DynamoDbError("TableNotFoundException", $"Table not found: {tableName}");
        }
    }

    private static JsonObject Summary(StandInRestore restore)
    {
        var summary = new JsonObject
        {
            ["SourceTableArn"] = restore.SourceTableArn,
            ["RestoreDateTime"] = Epoch(restore.RestoredTo),
            ["RestoreInProgress"] = !restore.Done,
        };
        if (restore.BackupArn is not null)
        {
            summary["SourceBackupArn"] = restore.BackupArn;
        }

        return summary;
    }

    private static string Required(JsonObject request, string field) =>
        request[field]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw new DynamoDbError("ValidationException", $"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null");

    internal static string TableNameOf(string arn) => arn[(arn.IndexOf(":table/", StringComparison.Ordinal) + ":table/".Length)..].Split('/')[0];

    private static double Epoch(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;
}
