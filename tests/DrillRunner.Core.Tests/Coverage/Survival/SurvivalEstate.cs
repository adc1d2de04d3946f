using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Tests.Coverage.Survival;

/// <summary>Observations of one resource as the audit's listings make them, for the survival judge's tests.</summary>
internal static class SurvivalEstate
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    public static readonly AuditScope Scope = new("aws", "eu-west-1", "111122223333");
    public const string OtherAccount = "444455556666";
    public const string OtherRegion = "eu-central-1";

    public static string VaultArn(string name, string account = "111122223333", string region = "eu-west-1") => $"arn:aws:backup:{region}:{account}:backup-vault:{name}";

    public static CoverageEntry Table(string name, bool? pitr = false) => new(Scope.TableArn(name), ScratchKinds.DynamoDbTable, name) { PitrEnabled = pitr };

    public static EstateObservation Owned(CoverageEntry entry, string? policy, string logicalId = "Orders", string? type = null) =>
        new(entry.Arn) { Owner = new StackOwner("shop", "arn:aws:cloudformation:eu-west-1:111122223333:stack/shop/1", logicalId, type ?? TypeOf(entry.Kind)) { DeletionPolicy = policy } };

    public static EstateObservation Copy(CoverageEntry entry, CopyKind kind, string? vaultArn, string account = "111122223333", string region = "eu-west-1") =>
        new(entry.Arn) { Copy = new CopySeen(kind, vaultArn, account, region, Now.AddHours(-2), $"{vaultArn ?? entry.Arn}/copy-{kind}") };

    public static VaultSeen Vault(string name, bool locked, DateTimeOffset? lockDate, string? type = "BACKUP_VAULT") => new(name, VaultArn(name), locked, lockDate, locked ? 7 : null, type);

    public static Survivability Judge(CoverageEntry entry, IEnumerable<EstateObservation> observations, IReadOnlyList<SurvivalEvent>? required = null, IReadOnlyDictionary<string, string>? tags = null, params VaultSeen[] vaults) =>
        JudgeSurvival.Of(entry, observations, tags ?? new Dictionary<string, string>(), vaults.ToDictionary(v => v.Arn), Scope, Now) with { Required = required ?? SurvivalEvents.Default };

    public static IReadOnlyList<Finding> Findings(CoverageEntry entry, Survivability survival) => JudgeSurvival.Findings(entry, survival, Scope);

    private static string TypeOf(string kind) => kind switch
    {
        ScratchKinds.DynamoDbTable => "AWS::DynamoDB::Table",
        ScratchKinds.S3Bucket => "AWS::S3::Bucket",
        ScratchKinds.RdsCluster => "AWS::RDS::DBCluster",
        ScratchKinds.RdsInstance => "AWS::RDS::DBInstance",
        ScratchKinds.EbsVolume => "AWS::EC2::Volume",
        _ => "AWS::EFS::FileSystem",
    };
}
