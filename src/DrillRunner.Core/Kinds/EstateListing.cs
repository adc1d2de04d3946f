namespace DrillRunner.Core.Kinds;

/// <summary>
/// One paged, read-only listing the coverage audit makes through a Step Functions AWS SDK
/// integration: the call, the member its items arrive in, how its pages are asked for and given,
/// and how large a page is asked for (small enough that a page of full descriptions stays well
/// under Step Functions' 256 KB payload).
/// </summary>
/// <param name="Name">How the audit, its stored pages and its states name the listing.</param>
/// <param name="Service">Step Functions' service name in <c>aws-sdk:SERVICE:action</c>.</param>
/// <param name="Action">The camelCase action.</param>
/// <param name="IamAction">The IAM action the call needs (the audit's role grants only these).</param>
/// <param name="ItemsMember">The output member holding the page's items.</param>
/// <param name="RequestToken">The input member that asks for the next page.</param>
/// <param name="ResponseToken">The output member that holds the next page's token; absent or empty on the last page.</param>
/// <param name="PageSizeMember">The input member that bounds a page.</param>
/// <param name="PageSize">What the audit asks for.</param>
public sealed record EstateListing(string Name, string Service, string Action, string IamAction, string ItemsMember, string RequestToken, string ResponseToken, string PageSizeMember, int PageSize)
{
    /// <summary>Input members that are always sent, as literal values.</summary>
    public IReadOnlyDictionary<string, string> Fixed { get; init; } = new Dictionary<string, string>();

    /// <summary>Input members that are always sent, read from the audit's state (JSONPath).</summary>
    public IReadOnlyDictionary<string, string> FromState { get; init; } = new Dictionary<string, string>();

    /// <summary>Boolean input members that are always sent (the model types them boolean, not string).</summary>
    public IReadOnlyDictionary<string, bool> FixedFlags { get; init; } = new Dictionary<string, bool>();

    /// <summary>
    /// For a listing made once per item of another listing's page (the recovery points of each vault):
    /// that listing. Such a listing is not a step of the audit's main chain; its parameters come from the item.
    /// </summary>
    public EstateListing? PerItemOf { get; init; }

    /// <summary>The DynamoDB tables of the account and region.</summary>
    public static EstateListing DynamoDbTables { get; } = new("DynamoDbTables", "dynamodb", "listTables", "dynamodb:ListTables", "TableNames", "ExclusiveStartTableName", "LastEvaluatedTableName", "Limit", 100);

    /// <summary>Every on-demand, system and AWS-Backup-made DynamoDB backup of the region (not per table: one listing for all).</summary>
    public static EstateListing DynamoDbBackups { get; } = new("DynamoDbBackups", "dynamodb", "listBackups", "dynamodb:ListBackups", "BackupSummaries", "ExclusiveStartBackupArn", "LastEvaluatedBackupArn", "Limit", 100)
    {
        Fixed = new Dictionary<string, string> { ["BackupType"] = "ALL" },
    };

    /// <summary>Every resource AWS Backup has backed up, with its newest backup's time.</summary>
    public static EstateListing ProtectedResources { get; } = new("ProtectedResources", "backup", "listProtectedResources", "backup:ListProtectedResources", "Results", "NextToken", "NextToken", "MaxResults", 500);

    /// <summary>
    /// The AWS Backup vaults of the audited account and region, each with its Vault Lock (Locked, MinRetentionDays,
    /// LockDate). 50 a page: a vault's entry is well under 1 KB.
    /// </summary>
    public static EstateListing BackupVaults { get; } = new("BackupVaults", "backup", "listBackupVaults", "backup:ListBackupVaults", "BackupVaultList", "NextToken", "NextToken", "MaxResults", 50);

    /// <summary>
    /// The vaults other accounts share with the audited one (a logically air-gapped vault shared through AWS RAM):
    /// ListBackupVaults with ByShared. Copies kept there survive the loss of this account, and this account can read them.
    /// </summary>
    public static EstateListing SharedBackupVaults { get; } = new("SharedBackupVaults", "backup", "listBackupVaults", "backup:ListBackupVaults", "BackupVaultList", "NextToken", "NextToken", "MaxResults", 50)
    {
        FixedFlags = new Dictionary<string, bool> { ["ByShared"] = true },
    };

    /// <summary>The listings of vaults (the same shape), for each of whose vaults the audit lists the recovery points.</summary>
    public static IReadOnlyList<EstateListing> VaultListings => [BackupVaults, SharedBackupVaults];

    /// <summary>Where the vault listings' Map puts each vault's name and account for <see cref="VaultRecoveryPoints"/>.</summary>
    public const string VaultMember = "vault";

    /// <summary>
    /// The recovery points of one vault (of this account, or shared with it: BackupVaultAccountId names the vault's
    /// account), made for each vault of a page of <see cref="VaultListings"/>. 50 a page: a recovery point's entry is about 1 KB.
    /// </summary>
    public static EstateListing VaultRecoveryPoints { get; } = new("VaultRecoveryPoints", "backup", "listRecoveryPointsByBackupVault", "backup:ListRecoveryPointsByBackupVault", "RecoveryPoints", "NextToken", "NextToken", "MaxResults", 50)
    {
        PerItemOf = BackupVaults,
        FromState = new Dictionary<string, string> { ["BackupVaultName"] = $"$.{VaultMember}.name", ["BackupVaultAccountId"] = $"$.{VaultMember}.account" },
    };

    /// <summary>How many vaults' recovery points the audit lists at once.</summary>
    public const int VaultsAtOnce = 4;

    /// <summary>
    /// The completed AWS Backup copy jobs run in this account and region: each names a destination vault, which may be
    /// in another account or region (whose lock this account cannot see). All of them, not a window: Step Functions'
    /// JSONPath cannot compute a date, and AWS keeps job history for a limited time itself.
    /// </summary>
    public static EstateListing CopyJobs { get; } = new("CopyJobs", "backup", "listCopyJobs", "backup:ListCopyJobs", "CopyJobs", "NextToken", "NextToken", "MaxResults", 50)
    {
        Fixed = new Dictionary<string, string> { ["ByState"] = "COMPLETED" },
    };

    /// <summary>RDS instances: 20 a page, because one description with its tags runs to several KB.</summary>
    public static EstateListing RdsInstances { get; } = new("RdsInstances", "rds", "describeDBInstances", "rds:DescribeDBInstances", "DBInstances", "Marker", "Marker", "MaxRecords", 20);

    /// <summary>Aurora (and Multi-AZ DB) clusters.</summary>
    public static EstateListing DbClusters { get; } = new("DbClusters", "rds", "describeDBClusters", "rds:DescribeDBClusters", "DBClusters", "Marker", "Marker", "MaxRecords", 20);

    /// <summary>S3 buckets in the audit's region only (ListBuckets lists every region's unless told).</summary>
    public static EstateListing S3Buckets { get; } = new("S3Buckets", "s3", "listBuckets", "s3:ListAllMyBuckets", "Buckets", "ContinuationToken", "ContinuationToken", "MaxBuckets", 1000)
    {
        FromState = new Dictionary<string, string> { ["BucketRegion"] = "$.region" },
    };

    public static EstateListing EbsVolumes { get; } = new("EbsVolumes", "ec2", "describeVolumes", "ec2:DescribeVolumes", "Volumes", "NextToken", "NextToken", "MaxResults", 100);

    public static EstateListing EfsFileSystems { get; } = new("EfsFileSystems", "efs", "describeFileSystems", "elasticfilesystem:DescribeFileSystems", "FileSystems", "Marker", "NextMarker", "MaxItems", 100);

    /// <summary>How many tables' PITR settings the audit reads at once: far below DynamoDB's control-plane rate.</summary>
    public const int ContinuousBackupsAtOnce = 10;

    /// <summary>The per-table call that says whether point-in-time recovery is on (not a listing: made once per table).</summary>
    public static AwsCall ContinuousBackups { get; } = new("dynamodb", "describeContinuousBackups", "TableName", IdIsList: false, "dynamodb:DescribeContinuousBackups");

    /// <summary>Every listing, in the order the audit makes them: the protections first, then the kinds' resources.</summary>
    public static IReadOnlyList<EstateListing> All => [DynamoDbBackups, ProtectedResources, .. Copies, .. RestoreKinds.All.Select(k => k.Inventory)];

    /// <summary>The listings that say where each copy of a resource's data is kept, and under which lock.</summary>
    public static IReadOnlyList<EstateListing> Copies => [BackupVaults, SharedBackupVaults, VaultRecoveryPoints, CopyJobs];

    public static EstateListing? Named(string name) => All.FirstOrDefault(l => l.Name == name);
}
