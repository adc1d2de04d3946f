using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Plans;

/// <summary>
/// A resource AWS Backup protects: restored from its newest COMPLETED recovery point into a scratch
/// resource, verified as its type allows, and deleted by teardown.
/// </summary>
/// <param name="ResourceArn">The protected (source) resource.</param>
/// <param name="Kind">Read from the ARN: everything the runner knows about this kind of resource.</param>
/// <param name="ResourceName">The table, bucket, DB identifier, volume id or file system id in the ARN.</param>
/// <param name="BackupVaultName">Only recovery points in this vault count; null for any vault. The one home of the vault's
/// name, whether the plan wrote "backupVaultName" or "recoveryPoint.vault".</param>
/// <param name="MaxRecoveryPointAge">A newest recovery point older than this fails the target.</param>
/// <param name="RestoreMetadata">Overrides merged into the recovery point's restore metadata.</param>
/// <param name="Table">DynamoDB checks (the same as a "dynamodb" target's).</param>
/// <param name="Bucket">S3 checks.</param>
/// <param name="TcpConnect">RDS/Aurora: the restored endpoint must accept a TCP connection.</param>
/// <param name="VerifierFunction">A Lambda (name or ARN) the state machine invokes with the restored identifiers.</param>
public sealed record AwsBackupTarget(
    string Id,
    string ResourceArn,
    RestoreKind Kind,
    string ResourceName,
    string? BackupVaultName,
    TimeSpan? MaxRecoveryPointAge,
    IReadOnlyDictionary<string, string> RestoreMetadata,
    Verification Table,
    BucketVerification Bucket,
    bool TcpConnect,
    string? VerifierFunction) : DrillTarget(Id)
{
    public const string TypeName = "aws-backup";

    public override string SourceName => ResourceName;

    /// <summary>"recoveryPoint.vault" / "recoveryPoint.copyOf": list the vaults' points instead of the resource's; null as before.</summary>
    public PointOrigin? Origin { get; init; }

    /// <summary>
    /// Whether the runner may read the source resource (counts against it, the runbook gap): not when the
    /// point is a copy of another resource's (copyOf), nor when the named vault lives in another account or
    /// region than the resource (a recovery stack cannot reach the source).
    /// </summary>
    public bool SourceReachable =>
        Origin is null
        || (Origin.CopyOf is null
            && (Origin.VaultArn is not { } vault || (ArnScope.Of(vault) is { } vaultScope && ArnScope.Of(ResourceArn) is { } sourceScope && vaultScope.Disagreement(sourceScope) is null)));

    /// <summary>Why the source's read-only checks are skipped, when <see cref="SourceReachable"/> is false.</summary>
    public string? SourceSkippedBecause => SourceReachable
        ? null
        : $"the recovery point is a copy read from {(Origin!.VaultArn ?? "a vault this stack reads")}; the source '{ResourceArn}' is in another account or region, which this stack does not reach";

    public override string Type => TypeName;

    /// <summary>True for a DynamoDB table restored from AWS Backup: verified exactly like a native target.</summary>
    public bool RestoresTable => Kind == RestoreKinds.DynamoDbTable;

    /// <summary>The DynamoDB view of a DynamoDB recovery point, so that it is verified exactly like a native target.</summary>
    public DynamoDbTarget AsDynamoDbTarget() =>
        new(Id, ResourceName, RestoreSource.Backup, RestoreOptions.Default, SourceReachable ? Table : Table with { TolerancePercentOfSource = null, SampleSize = 0 });

    /// <summary>The bucket checks the runner can make: without the source's counts when the source is out of reach (<see cref="SourceSkippedBecause"/>).</summary>
    public BucketVerification BucketChecks => SourceReachable ? Bucket : Bucket with { TolerancePercentOfSource = null };
}
