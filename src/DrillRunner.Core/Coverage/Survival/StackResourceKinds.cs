using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// The CloudFormation resource types of the kinds the runner judges, and how a stack resource's
/// PhysicalResourceId names the resource: the table, bucket, DB instance or cluster identifier,
/// volume id or file system id, which with the kind's ARN form gives the ARN the audit keys by.
/// </summary>
public static class StackResourceKinds
{
    public static IReadOnlyDictionary<string, RestoreKind> ByType { get; } = new Dictionary<string, RestoreKind>(StringComparer.Ordinal)
    {
        ["AWS::DynamoDB::Table"] = RestoreKinds.DynamoDbTable,
        ["AWS::S3::Bucket"] = RestoreKinds.S3Bucket,
        ["AWS::RDS::DBInstance"] = RestoreKinds.RdsInstance,
        ["AWS::RDS::DBCluster"] = RestoreKinds.AuroraCluster,
        ["AWS::EC2::Volume"] = RestoreKinds.EbsVolume,
        ["AWS::EFS::FileSystem"] = RestoreKinds.EfsFileSystem,
    };

    /// <summary>The CloudFormation type of a kind (the inverse of <see cref="ByType"/>).</summary>
    public static string? TypeOf(RestoreKind kind) => ByType.FirstOrDefault(t => t.Value == kind).Key;

    /// <summary>The kind a stack resource's type is, when the runner judges it; and its name for the kind's ARN (RDS keeps identifiers in lowercase, whatever case the physical id has).</summary>
    public static (RestoreKind Kind, string Name)? Resource(string? type, string? physicalId) =>
        type is not null && ByType.TryGetValue(type, out var kind) && !string.IsNullOrEmpty(physicalId)
            ? (kind, kind == RestoreKinds.RdsInstance || kind == RestoreKinds.AuroraCluster ? physicalId.ToLowerInvariant() : physicalId)
            : null;
}
