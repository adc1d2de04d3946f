using static DrillFunctions.Tests.Iam.TestStack;

namespace DrillFunctions.Tests.Iam;

/// <summary>
/// The production estate on paper, and what no role of the runner may do to it. Each entry is an
/// action on a source, a backup, a key or the runner's own resources, with the tags the resource
/// carries and the tags a request would set.
/// </summary>
internal static class SafetyMatrix
{
    public const string SourceTable = "prod-orders";
    public const string RunId = "20261201-030000-1a2b";

    public static readonly string SourceTableArn = TableArn(SourceTable);
    public static readonly string SourceBackupArn = TableArn($"{SourceTable}/backup/01700000000000-abcdef12");
    public static readonly string ScratchTableArn = TableArn($"{ScratchPrefix}{RunId}-{SourceTable}");
    public const string SourceBucketArn = "arn:aws:s3:::prod-invoices";
    public const string SourceObjectArn = "arn:aws:s3:::prod-invoices/2026/11/invoice-1.pdf";
    public const string ScratchBucketArn = $"arn:aws:s3:::{ScratchPrefix}{RunId}-invoices";
    public const string ScratchObjectArn = $"{ScratchBucketArn}/2026/11/invoice-1.pdf";
    public static readonly string SourceDbArn = RdsArn("db", "prod-billing");
    public static readonly string SourceClusterArn = RdsArn("cluster", "prod-ledger");
    public static readonly string ScratchDbArn = RdsArn("db", $"{ScratchPrefix}{RunId}-billing-db");
    public static readonly string ScratchClusterArn = RdsArn("cluster", $"{ScratchPrefix}{RunId}-ledger");
    public static readonly string DbSnapshotArn = RdsArn("snapshot", "awsbackup:job-0123abcd");
    public static readonly string ClusterSnapshotArn = RdsArn("cluster-snapshot", "awsbackup:job-4567ef01");
    public static readonly string VolumeArn = Arn("ec2", "volume/vol-0123456789abcdef0");
    public static readonly string FileSystemArn = Arn("elasticfilesystem", "file-system/fs-0123456789abcdef0");
    public const string EbsSnapshotArn = $"arn:aws:ec2:{Region}::snapshot/snap-0123456789abcdef0";
    public static readonly string RecoveryPointArn = Arn("backup", "recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45");
    public static readonly string VaultArn = Arn("backup", "backup-vault:prod-vault");
    public static readonly string BackupPlanArn = Arn("backup", "backup-plan:8a7b6c5d-1111-2222-3333-444455556666");
    public static readonly string KeyArn = Arn("kms", "key/1234abcd-12ab-34cd-56ef-1234567890ab");
    public static readonly string OtherRoleArn = $"arn:aws:iam::{Account}:role/Administrator";

    /// <summary>A production volume or file system: named, so its Name tag is not the scratch one.</summary>
    public static readonly Dictionary<string, object> ProductionTags = new() { ["aws:ResourceTag/Name"] = "prod-data" };

    /// <summary>The tags the drill gives a restored volume or file system.</summary>
    public static Dictionary<string, object> DrillTagRequest(string name = $"{ScratchPrefix}{RunId}-data") => new()
    {
        ["aws:RequestTag/Name"] = name,
        ["aws:RequestTag/drill:run-id"] = RunId,
        ["aws:RequestTag/drill:plan"] = "prod",
        ["aws:RequestTag/drill:expires-at"] = "2026-12-02T03:00:00Z",
        ["aws:TagKeys"] = new[] { "Name", "drill:run-id", "drill:plan", "drill:expires-at" },
    };

    /// <summary>What a restored, tagged volume or file system carries.</summary>
    public static readonly Dictionary<string, object> ScratchTags = new()
    {
        ["aws:ResourceTag/Name"] = $"{ScratchPrefix}{RunId}-data",
        ["aws:ResourceTag/drill:run-id"] = RunId,
    };

    /// <summary>Denied to every role: (action, resource, context).</summary>
    public static IEnumerable<(string Action, string Resource, Dictionary<string, object>? Context)> Harm(string runsTableArn)
    {
        foreach (var action in new[]
                 {
                     "DeleteTable", "UpdateTable", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "UpdateTimeToLive",
                     "UpdateContinuousBackups", "TagResource", "UntagResource", "PartiQLUpdate", "PartiQLDelete",
                 })
        {
            yield return ($"dynamodb:{action}", SourceTableArn, null);
        }

        yield return ("dynamodb:DeleteBackup", SourceBackupArn, null);
        foreach (var (action, resource) in RunsTableHarm(runsTableArn))
        {
            yield return (action, resource, null);
        }

        foreach (var action in new[] { "PutObject", "DeleteObject", "DeleteObjectVersion", "PutObjectAcl" })
        {
            yield return ($"s3:{action}", SourceObjectArn, null);
        }

        foreach (var action in new[] { "DeleteBucket", "PutBucketPolicy", "DeleteBucketPolicy", "PutBucketVersioning", "PutLifecycleConfiguration", "PutBucketTagging" })
        {
            yield return ($"s3:{action}", SourceBucketArn, null);
        }

        foreach (var action in new[] { "DeleteDBInstance", "ModifyDBInstance", "RebootDBInstance", "StopDBInstance", "AddTagsToResource" })
        {
            yield return ($"rds:{action}", SourceDbArn, null);
        }

        yield return ("rds:DeleteDBCluster", SourceClusterArn, null);
        yield return ("rds:ModifyDBCluster", SourceClusterArn, null);
        yield return ("rds:DeleteDBSnapshot", DbSnapshotArn, null);
        yield return ("rds:DeleteDBClusterSnapshot", ClusterSnapshotArn, null);

        yield return ("ec2:DeleteVolume", VolumeArn, ProductionTags);
        yield return ("ec2:DeleteVolume", VolumeArn, null);
        yield return ("ec2:ModifyVolume", VolumeArn, ProductionTags);
        yield return ("ec2:DeleteSnapshot", EbsSnapshotArn, null);
        yield return ("elasticfilesystem:DeleteFileSystem", FileSystemArn, ProductionTags);
        yield return ("elasticfilesystem:DeleteFileSystem", FileSystemArn, null);
        yield return ("elasticfilesystem:UpdateFileSystem", FileSystemArn, ProductionTags);

        // Tagging must not manufacture a deletable resource out of a named production volume or file system.
        yield return ("ec2:CreateTags", VolumeArn, Merge(ProductionTags, DrillTagRequest()));
        yield return ("elasticfilesystem:TagResource", FileSystemArn, Merge(ProductionTags, DrillTagRequest()));

        foreach (var action in new[] { "DeleteRecoveryPoint", "UpdateRecoveryPointLifecycle", "DisassociateRecoveryPoint" })
        {
            yield return ($"backup:{action}", RecoveryPointArn, null);
        }

        foreach (var action in new[] { "DeleteBackupVault", "PutBackupVaultAccessPolicy", "DeleteBackupVaultAccessPolicy", "PutBackupVaultLockConfiguration" })
        {
            yield return ($"backup:{action}", VaultArn, null);
        }

        yield return ("backup:DeleteBackupPlan", BackupPlanArn, null);
        yield return ("backup:UpdateBackupPlan", BackupPlanArn, null);
        foreach (var action in new[] { "ScheduleKeyDeletion", "DisableKey", "PutKeyPolicy" })
        {
            yield return ($"kms:{action}", KeyArn, null);
        }

        yield return ("iam:PassRole", OtherRoleArn, new Dictionary<string, object> { ["iam:PassedToService"] = "backup.amazonaws.com" });
    }

    /// <summary>
    /// Deleting or reconfiguring the runner's system of record (its items stay writable): tagging it
    /// would make it look like a run's scratch table, a resource policy would open it to others.
    /// </summary>
    public static IEnumerable<(string Action, string Resource)> RunsTableHarm(string runsTableArn)
    {
        foreach (var action in new[] { "DeleteTable", "UpdateTable", "UpdateContinuousBackups", "UpdateTimeToLive", "TagResource", "UntagResource", "PutResourcePolicy", "DeleteResourcePolicy" })
        {
            yield return ($"dynamodb:{action}", runsTableArn);
        }

        yield return ("dynamodb:DeleteBackup", $"{runsTableArn}/backup/01700000000000-abcdef12");
    }

    public static Dictionary<string, object> Merge(params Dictionary<string, object>[] parts) =>
        parts.SelectMany(p => p).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
}
