using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Coverage.Survival;

/// <summary>
/// CloudFormation's DeletionPolicy values and what each does to a resource when its stack is deleted
/// ("DeletionPolicy attribute", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html):
/// without one CloudFormation deletes the resource, except that the default is Snapshot for
/// AWS::RDS::DBCluster and for AWS::RDS::DBInstance without DBClusterIdentifier; Snapshot applies only to
/// the types that support snapshots (of the kinds audited here: EBS volumes, RDS instances and clusters);
/// and a bucket is deleted only when it is empty.
/// </summary>
public static class DeletionPolicies
{
    public const string Delete = "Delete";
    public const string Retain = "Retain";
    public const string RetainExceptOnCreate = "RetainExceptOnCreate";
    public const string Snapshot = "Snapshot";

    public const string RdsCluster = "AWS::RDS::DBCluster";
    public const string RdsInstance = "AWS::RDS::DBInstance";
    public const string EbsVolume = "AWS::EC2::Volume";

    /// <summary>The types of the audited kinds for which CloudFormation takes a snapshot on Snapshot.</summary>
    public static IReadOnlySet<string> Snapshottable { get; } = new HashSet<string>(StringComparer.Ordinal) { RdsCluster, RdsInstance, EbsVolume };

    public static bool Retains(string? policy) => policy is Retain or RetainExceptOnCreate;

    /// <summary>
    /// The policy CloudFormation applies on stack deletion: the template's, else its default. The audit judges
    /// an Aurora cluster's members through the cluster, so an RDS instance judged on its own is taken to have no
    /// DBClusterIdentifier (Snapshot by default); an Aurora member judged as an instance is not an audited kind.
    /// </summary>
    public static string Effective(StackOwner stack, string kind)
    {
        if (stack.DeletionPolicy is { } written)
        {
            return written == Snapshot && !Snapshottable.Contains(stack.ResourceType ?? TypeOf(kind) ?? string.Empty) ? Delete : written;
        }

        return (stack.ResourceType ?? TypeOf(kind)) switch
        {
            RdsCluster => Snapshot,
            RdsInstance when kind == ScratchKinds.RdsInstance => Snapshot,
            _ => Delete,
        };
    }

    private static string? TypeOf(string kind) => kind switch
    {
        ScratchKinds.RdsCluster => RdsCluster,
        ScratchKinds.RdsInstance => RdsInstance,
        ScratchKinds.EbsVolume => EbsVolume,
        _ => null,
    };
}
