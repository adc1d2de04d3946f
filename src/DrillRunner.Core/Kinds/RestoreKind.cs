using System.Text.RegularExpressions;

namespace DrillRunner.Core.Kinds;

/// <summary>
/// Everything the runner knows about one kind of resource it restores: how its ARN reads, AWS
/// Backup's name for it, the scratch kind run records use, the restore metadata the runner forces,
/// the names AWS accepts, how the state machine describes it until available and deletes it, and
/// the IAM actions each of those needs. The workflow model, the plan reader, teardown, the janitor
/// and the local AWS world's routing read these records; adding a kind is adding one here.
/// </summary>
public sealed record RestoreKind
{
    /// <summary>
    /// What AWS documents a restore of this kind does not carry over and the runner cannot see:
    /// the recovery runbook's by-hand steps for every drill of this kind.
    /// </summary>
    public required IReadOnlyList<string> RecoveryChecklist { get; init; }

    /// <summary>How the coverage audit lists every resource of this kind in the account and region.</summary>
    public required EstateListing Inventory { get; init; }

    /// <summary>What protects most kinds: AWS Backup.</summary>
    public const string Backup = "backup";

    /// <summary>What the coverage audit says such a resource has not, when nothing protects it ("automated backups").</summary>
    public string LacksProtection { get; init; } = Backup;

    /// <summary>What the coverage audit tells to do about such a resource that nothing protects, given its name.</summary>
    public Func<string, string> ProtectFix { get; init; } = AddToBackupPlan;

    /// <summary>The fix for a resource only AWS Backup can protect.</summary>
    public static string AddToBackupPlan(string name) => "Add it to an AWS Backup plan (a backup selection by ARN or tag).";

    /// <summary>
    /// What the coverage audit tells to do about such a resource whose newest recovery point is older
    /// than the threshold, given its name: what makes this kind's recovery points, and where to look.
    /// </summary>
    public required Func<string, string> StaleBackupFix { get; init; }

    /// <summary>The stale-backup fix for a resource only AWS Backup backs up (and for one of no known kind).</summary>
    public const string CheckBackupPlan = "Check the AWS Backup plan that selects it: a rule that runs at least daily, and its latest backup jobs (failed, expired or never run).";

    /// <summary>How run records, teardown and the janitor name the scratch resource's kind.</summary>
    public required string ScratchKind { get; init; }

    /// <summary>AWS Backup's ResourceType value.</summary>
    public required string AwsBackupName { get; init; }

    /// <summary>What a person calls it, for messages and docs.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What a sentence about any one of them calls it ("a table whose restore…", "a volume whose restore…").</summary>
    public required string Noun { get; init; }

    /// <summary>The service part of its ARN.</summary>
    public required string ArnService { get; init; }

    /// <summary>What precedes the name in the ARN's resource part (<c>table/</c>, <c>db:</c>); empty for S3.</summary>
    public required string ArnResourcePrefix { get; init; }

    /// <summary>True for ARNs without region and account (S3).</summary>
    public bool GlobalArn { get; init; }

    /// <summary>The ARN's form, for error messages.</summary>
    public string ArnForm => GlobalArn
        ? $"arn:aws:{ArnService}:::{NamePlaceholder}"
        : $"arn:aws:{ArnService}:REGION:ACCOUNT:{ArnResourcePrefix}{NamePlaceholder}";

    /// <summary>How the ARN's form names the resource (e.g. BUCKET, vol-ID).</summary>
    public required string NamePlaceholder { get; init; }

    /// <summary>The ARN of a resource of this kind with the given name.</summary>
    public string ArnOf(string region, string account, string name) => GlobalArn
        ? $"arn:aws:{ArnService}:::{name}"
        : $"arn:aws:{ArnService}:{region}:{account}:{ArnResourcePrefix}{name}";

    /// <summary>
    /// Restore metadata the runner always sets, whatever the recovery point or the plan says: the
    /// scratch name, and for S3 and EFS the switch that makes AWS Backup create a new resource
    /// instead of restoring into the source (safety rule 1). Plans may not override these keys.
    /// </summary>
    public required Func<string, IReadOnlyDictionary<string, string>> ForcedMetadata { get; init; }

    /// <summary>Metadata keys a plan may never set besides the forced ones (compared case-insensitively).</summary>
    public IReadOnlyList<string> AlsoReservedMetadata { get; init; } = [];

    /// <summary>The longest scratch name AWS accepts.</summary>
    public required int MaxNameLength { get; init; }

    /// <summary>The characters AWS accepts in a name, if it restricts them.</summary>
    public Regex? NamePattern { get; init; }

    /// <summary>What AWS accepts, said when a scratch name is refused.</summary>
    public required string NameRule { get; init; }

    /// <summary>What to do when a scratch name is refused.</summary>
    public string NameFix { get; init; } = "shorten the scratch prefix or the target id.";

    /// <summary>True when the name lives only in a Name tag (AWS assigns the id).</summary>
    public bool NamedByTag { get; init; }

    /// <summary>What the runner checks of a restored resource of this kind.</summary>
    public required RestoredCheck Check { get; init; }

    /// <summary>True when the runner verifies the restored data itself (counts, sample, sentinels).</summary>
    public bool DataVerifiedByRunner => Check is RestoredCheck.TableData or RestoredCheck.BucketData;

    /// <summary>What a verifier Lambda's input calls the restored resource's name or id (<c>tableName</c>, <c>volumeId</c>).</summary>
    public required string VerifierIdentifier { get; init; }

    /// <summary>What the state machine's describe and delete states of this kind are named after (DescribeVolume, DeleteVolume).</summary>
    public string? StateSuffix { get; init; }

    /// <summary>How the state machine learns it is available; null when it is usable once the job completed.</summary>
    public ReadinessCheck? Readiness { get; init; }

    /// <summary>The call that tells whether it is available yet; null when it is usable once the job completed.</summary>
    public AwsCall? Describe => Readiness?.Describe;

    /// <summary>The call that deletes it from the state machine; null when a function deletes it through its SDK.</summary>
    public AwsCall? Delete { get; init; }

    /// <summary>Who deletes it at teardown: the state machine through <see cref="Delete"/>, or the teardown function through one of its ports.</summary>
    public Deleter DeletedBy { get; init; } = Deleter.StateMachine;

    /// <summary>IAM actions AWS Backup's restore role needs on the scratch resource to restore this kind.</summary>
    public required IReadOnlyList<string> RestoreActions { get; init; }

    /// <summary>IAM actions the teardown and janitor functions need on the scratch resource to delete this kind (when <see cref="Delete"/> is null).</summary>
    public IReadOnlyList<string> FunctionDeleteActions { get; init; } = [];

    /// <summary>Metadata keys a plan may never set, compared case-insensitively (AWS Backup's keys vary in case).</summary>
    public IReadOnlySet<string> ReservedMetadataKeys => ForcedMetadata("x").Keys.Concat(AlsoReservedMetadata).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a scratch name is not acceptable to AWS for this kind, or null if it is.</summary>
    public string? NameProblem(string scratchName) =>
        scratchName.Length <= MaxNameLength && (NamePattern?.IsMatch(scratchName) ?? true) ? null : NameRule;
}
