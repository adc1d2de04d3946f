using System.Text.RegularExpressions;

namespace DrillRunner.Core.Coverage;

/// <summary>The partition, region and account an audit looks at: its own execution's, read from the execution's ARN.</summary>
public sealed partial record AuditScope(string Partition, string Region, string Account)
{
    /// <summary>Reads arn:PARTITION:states:REGION:ACCOUNT:execution:MACHINE:NAME.</summary>
    public static AuditScope FromExecutionArn(string executionArn)
    {
        var match = ExecutionArn().Match(executionArn);
        return match.Success
            ? new AuditScope(match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value)
            : throw new ArgumentException($"'{executionArn}' is not a Step Functions execution ARN (arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME).", nameof(executionArn));
    }

    public string TableArn(string table) => $"arn:{Partition}:dynamodb:{Region}:{Account}:table/{table}";

    public string BucketArn(string bucket) => $"arn:{Partition}:s3:::{bucket}";

    public string VolumeArn(string volumeId) => $"arn:{Partition}:ec2:{Region}:{Account}:volume/{volumeId}";

    /// <summary>The ARN of a resource of <paramref name="kind"/> named <paramref name="name"/> (a DB instance or cluster identifier, a file system id…) in this partition, region and account.</summary>
    public string ArnOf(Kinds.RestoreKind kind, string name) => kind.GlobalArn
        ? $"arn:{Partition}:{kind.ArnService}:::{name}"
        : $"arn:{Partition}:{kind.ArnService}:{Region}:{Account}:{kind.ArnResourcePrefix}{name}";

    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):states:(?<region>[a-z0-9-]+):(?<account>[0-9]{12}):execution:[^:]+:[^:]+$")]
    private static partial Regex ExecutionArn();
}
