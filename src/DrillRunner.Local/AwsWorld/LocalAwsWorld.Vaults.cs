using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Local.AwsWorld;

/// <summary>
/// AWS Backup vaults of the local account and of a second account and region, their Vault Locks,
/// copy jobs between them, and the listings that show them: ListBackupVaults,
/// ListRecoveryPointsByBackupVault, ListCopyJobs (each paged with an opaque token), and
/// DeleteRecoveryPoint, which a locked vault refuses.
/// Sources: "AWS Backup Vault Lock" https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html;
/// "Creating backup copies across AWS accounts" https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html;
/// "Backup and tag copy" https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html
/// ("Copies retain their source configuration, including creation dates": a copy's CreationDate is its source's).
/// </summary>
public sealed partial class LocalAwsWorld
{
    /// <summary>A second account of the same organization: where copies go to survive the loss of the local one.</summary>
    public const string SecondAccount = "111111111111";

    /// <summary>A second region: where copies go to survive the loss of the local one.</summary>
    public const string SecondRegion = "us-west-2";

    /// <summary>The vault every account and region has, and where AddRecoveryPoint puts points unless told.</summary>
    public const string DefaultVault = "Default";

    private readonly ConcurrentDictionary<string, LocalVault> _vaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalCopyJob> _copyJobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LocalVault> Vaults => _vaults.Values.ToList();

    public IReadOnlyCollection<LocalCopyJob> CopyJobs => _copyJobs.Values.ToList();

    /// <summary>A vault of <paramref name="account"/> in <paramref name="region"/> (the local ones unless told), with a lock when given.</summary>
    public LocalVault AddVault(string name, string account = Account, string region = Region, string vaultType = LocalVault.BackupVault, LocalVaultLock? vaultLock = null, bool sharedWithLocalAccount = false)
    {
        if (vaultType is not (LocalVault.BackupVault or LocalVault.LogicallyAirGapped))
        {
            throw new ArgumentException($"vaultType must be {LocalVault.BackupVault} or {LocalVault.LogicallyAirGapped}, not {vaultType}.", nameof(vaultType));
        }

        var vault = new LocalVault(name, account, region, vaultType, time.GetUtcNow()) { Lock = vaultLock, SharedWithLocalAccount = sharedWithLocalAccount };
        _vaults[vault.Arn] = vault;
        return vault;
    }

    public LocalVault? Vault(string arn) => _vaults.TryGetValue(arn, out var found) ? found : null;

    /// <summary>
    /// A completed copy job of <paramref name="source"/> into the vault <paramref name="destinationVaultArn"/>
    /// (same or another account or region; the vault must exist): the destination vault gets a recovery point
    /// of the same resource, with the source's creation date and restore metadata, so it can be restored.
    /// </summary>
    public LocalCopyJob CopyRecoveryPoint(LocalRecoveryPoint source, string destinationVaultArn, DateTimeOffset? at = null)
    {
        var destinationVault = Vault(destinationVaultArn) ?? throw new ArgumentException($"No vault {destinationVaultArn}: add it with AddVault first.", nameof(destinationVaultArn));
        var copiedAt = at ?? time.GetUtcNow();
        var copy = source with
        {
            Arn = PointArn(source.Kind, destinationVault.Region, destinationVault.Account),
            Vault = destinationVault.Name,
            VaultAccount = destinationVault.Account,
            VaultRegion = destinationVault.Region,
            SourceVaultArn = source.VaultArn,
            CompletedAt = copiedAt,
            Status = "COMPLETED",
        };
        _points.GetOrAdd(source.ResourceArn, _ => []).Add(copy);
        var job = new LocalCopyJob($"{Guid.NewGuid():D}".ToUpperInvariant(), source.VaultAccount, source.VaultRegion, source, copy, copiedAt, copiedAt, "COMPLETED");
        _copyJobs[job.Id] = job;
        return job;
    }

    /// <summary>The points kept in a vault (by its ARN), in the order they were added.</summary>
    public IReadOnlyList<LocalRecoveryPoint> PointsIn(string vaultArn) => [.. _points.Values.SelectMany(p => p).Where(p => p.VaultArn == vaultArn)];

    private LocalVault EnsureLocalVault(string name) =>
        _vaults.GetOrAdd(LocalVault.ArnOf(Region, Account, name), _ => new LocalVault(name, Account, Region, LocalVault.BackupVault, time.GetUtcNow()));

    private string PointArn(RestoreKind kind, string region, string account) => kind.ScratchKind switch
    {
        ScratchKinds.S3Bucket or ScratchKinds.DynamoDbTable or ScratchKinds.EfsFileSystem => $"arn:aws:backup:{region}:{account}:recovery-point:{Guid.NewGuid()}",
        ScratchKinds.EbsVolume => $"arn:aws:ec2:{region}::snapshot/snap-{Next():x12}",
        _ => $"arn:aws:rds:{region}:{account}:snapshot:awsbackup:job-{Next():x8}",
    };

    /// <summary>ListBackupVaults: the local account's vaults in the local region; with ByShared, the vaults other accounts share with it.</summary>
    private JsonObject ListBackupVaults(JsonObject input)
    {
        var shared = input["ByShared"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        var type = Token(input, "ByVaultType");
        var vaults = _vaults.Values.Where(v => v.Region == Region && (shared ? v.Account != Account && v.SharedWithLocalAccount : v.Account == Account) && (type is null || v.VaultType == type));
        var (page, next) = Paged(vaults, v => v.Arn, Token(input, "NextToken"), PageSize(input, "MaxResults", 1000));
        return WithToken(new JsonObject { ["BackupVaultList"] = new JsonArray([.. page.Select(v => (JsonNode)VaultJson(v))]) }, "NextToken", next);
    }

    private JsonObject VaultJson(LocalVault vault)
    {
        var json = new JsonObject
        {
            ["BackupVaultName"] = vault.Name,
            ["BackupVaultArn"] = vault.Arn,
            ["VaultType"] = vault.VaultType,
            ["VaultState"] = "AVAILABLE",
            ["CreationDate"] = Time(vault.CreatedAt),
            ["EncryptionKeyArn"] = $"arn:aws:kms:{vault.Region}:{vault.Account}:key/local-backup-key",
            ["NumberOfRecoveryPoints"] = (long)PointsIn(vault.Arn).Count,
            ["Locked"] = vault.Lock is not null,
        };
        if (vault.Lock?.MinRetentionDays is { } min)
        {
            json["MinRetentionDays"] = (long)min;
        }

        if (vault.Lock?.MaxRetentionDays is { } max)
        {
            json["MaxRetentionDays"] = (long)max;
        }

        if (vault.Lock?.LockDate is { } lockDate)
        {
            json["LockDate"] = Time(lockDate);
        }

        return json;
    }

    /// <summary>
    /// ListRecoveryPointsByBackupVault: a vault of the local account (or, with BackupVaultAccountId, one another
    /// account shares with it) in the local region, filtered as asked.
    /// </summary>
    private JsonObject ListRecoveryPointsByBackupVault(JsonObject input)
    {
        var name = Required(input, "BackupVaultName");
        var account = Token(input, "BackupVaultAccountId") ?? Account;
        var vault = Vault(LocalVault.ArnOf(Region, account, name));
        if (vault is null)
        {
            throw new LocalAwsError("Backup.ResourceNotFoundException", $"Backup vault {name} of account {account} does not exist in {Region}.");
        }

        if (account != Account && !vault.SharedWithLocalAccount)
        {
            throw new LocalAwsError("Backup.AccessDeniedException", $"Account {Account} may not access backup vault {name} of account {account}: it is not shared with it.");
        }

        var resource = Token(input, "ByResourceArn");
        var resourceType = Token(input, "ByResourceType");
        var after = Instant(input, "ByCreatedAfter");
        var before = Instant(input, "ByCreatedBefore");
        var points = PointsIn(vault.Arn).Where(p =>
            (resource is null || p.ResourceArn == resource)
            && (resourceType is null || p.Kind.AwsBackupName == resourceType)
            && (after is null || p.CreatedAt > after)
            && (before is null || p.CreatedAt < before)
            // No local point was made by a backup plan or is part of a composite one.
            && Token(input, "ByBackupPlanId") is null && Token(input, "ByParentRecoveryPointArn") is null);
        var (page, next) = Paged(points, p => p.Arn, Token(input, "NextToken"), PageSize(input, "MaxResults", 1000));
        return WithToken(new JsonObject { ["RecoveryPoints"] = new JsonArray([.. page.Select(p => (JsonNode)VaultPointJson(p, vault))]) }, "NextToken", next);
    }

    private static JsonObject VaultPointJson(LocalRecoveryPoint point, LocalVault vault)
    {
        var json = new JsonObject
        {
            ["RecoveryPointArn"] = point.Arn,
            ["BackupVaultName"] = vault.Name,
            ["BackupVaultArn"] = vault.Arn,
            ["ResourceArn"] = point.ResourceArn,
            ["ResourceType"] = point.Kind.AwsBackupName,
            ["IamRoleArn"] = $"arn:aws:iam::{vault.Account}:role/service-role/AWSBackupDefaultServiceRole",
            ["Status"] = point.Status,
            ["CreationDate"] = Time(point.CreatedAt),
            ["CompletionDate"] = Time(point.CompletedAt ?? point.CreatedAt),
            ["BackupSizeInBytes"] = 1024L * 1024,
            ["IsEncrypted"] = true,
            ["IsParent"] = false,
            ["ResourceName"] = point.ResourceName,
            ["VaultType"] = vault.VaultType,
        };
        if (point.SourceVaultArn is { } source)
        {
            json["SourceBackupVaultArn"] = source;
        }

        return json;
    }

    /// <summary>ListCopyJobs: the copy jobs run in the local account and region, filtered as asked.</summary>
    private JsonObject ListCopyJobs(JsonObject input)
    {
        var resource = Token(input, "ByResourceArn");
        var state = Token(input, "ByState");
        var destination = Token(input, "ByDestinationVaultArn");
        var account = Token(input, "ByAccountId");
        var resourceType = Token(input, "ByResourceType");
        var createdAfter = Instant(input, "ByCreatedAfter");
        var createdBefore = Instant(input, "ByCreatedBefore");
        var completeAfter = Instant(input, "ByCompleteAfter");
        var completeBefore = Instant(input, "ByCompleteBefore");
        var jobs = _copyJobs.Values.Where(j =>
            j.AccountId == Account && j.Region == Region
            && (resource is null || j.Source.ResourceArn == resource)
            && (state is null || j.State == state)
            && (destination is null || j.Destination.VaultArn == destination)
            && (account is null || j.AccountId == account)
            && (resourceType is null || j.Source.Kind.AwsBackupName == resourceType)
            && (createdAfter is null || j.CreatedAt > createdAfter)
            && (createdBefore is null || j.CreatedAt < createdBefore)
            && (completeAfter is null || j.CompletedAt > completeAfter)
            && (completeBefore is null || j.CompletedAt < completeBefore)
            && Token(input, "ByParentJobId") is null);
        var (page, next) = Paged(jobs, j => j.Id, Token(input, "NextToken"), PageSize(input, "MaxResults", 1000));
        return WithToken(new JsonObject { ["CopyJobs"] = new JsonArray([.. page.Select(j => (JsonNode)CopyJobJson(j))]) }, "NextToken", next);
    }

    private static JsonObject CopyJobJson(LocalCopyJob job) => new()
    {
        ["AccountId"] = job.AccountId,
        ["CopyJobId"] = job.Id,
        ["SourceBackupVaultArn"] = job.Source.VaultArn,
        ["SourceRecoveryPointArn"] = job.Source.Arn,
        ["DestinationBackupVaultArn"] = job.Destination.VaultArn,
        ["DestinationRecoveryPointArn"] = job.Destination.Arn,
        ["ResourceArn"] = job.Source.ResourceArn,
        ["CreationDate"] = Time(job.CreatedAt),
        ["CompletionDate"] = Time(job.CompletedAt),
        ["State"] = job.State,
        ["BackupSizeInBytes"] = 1024L * 1024,
        ["IamRoleArn"] = $"arn:aws:iam::{job.AccountId}:role/service-role/AWSBackupDefaultServiceRole",
        ["ResourceType"] = job.Source.Kind.AwsBackupName,
        ["IsParent"] = false,
        ["ResourceName"] = job.Source.ResourceName,
    };

    /// <summary>
    /// DeleteRecoveryPoint. A locked vault refuses it: Vault Lock "prevent[s] attempts to delete any recovery
    /// point stored in or created in a backup vault" (PutBackupVaultLockConfiguration,
    /// https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html).
    /// </summary>
    private JsonObject DeleteRecoveryPoint(JsonObject input)
    {
        var name = Required(input, "BackupVaultName");
        var arn = Required(input, "RecoveryPointArn");
        var vault = Vault(LocalVault.ArnOf(Region, Account, name)) ?? throw new LocalAwsError("Backup.ResourceNotFoundException", $"Backup vault {name} does not exist.");
        var point = PointsIn(vault.Arn).FirstOrDefault(p => p.Arn == arn) ?? throw new LocalAwsError("Backup.ResourceNotFoundException", $"Recovery point {arn} is not in vault {name}.");
        if (vault.Lock is not null)
        {
            throw new LocalAwsError("Backup.InvalidRequestException", $"Backup vault {name} is locked (AWS Backup Vault Lock): its recovery points cannot be deleted.");
        }

        if (_points.TryGetValue(point.ResourceArn, out var points))
        {
            points.Remove(point);
        }

        return new JsonObject();
    }

    private static DateTimeOffset? Instant(JsonObject input, string member) => input[member] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)(value.GetValue<double>() * 1000)),
        null => null,
        var other => throw new LocalAwsError("Backup.InvalidParameterValueException", $"{member} must be a timestamp, not {other.ToJsonString()}"),
    };
}
