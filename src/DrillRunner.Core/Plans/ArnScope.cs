using System.Text.RegularExpressions;

namespace DrillRunner.Core.Plans;

/// <summary>
/// Where an ARN says its resource lives: partition, region and account (an S3 bucket's ARN names
/// neither region nor account). A drill runs in one account and region, so its targets must agree.
/// </summary>
public sealed partial record ArnScope(string Partition, string Region, string Account)
{
    public static ArnScope? Of(string arn)
    {
        var match = Parts().Match(arn);
        return match.Success ? new ArnScope(match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value) : null;
    }

    /// <summary>A region and account are named, and the account is AWS's 12 digits.</summary>
    public bool IsComplete => Region.Length > 0 && AccountPattern().IsMatch(Account);

    /// <summary>What differs from <paramref name="other"/>, in words; null if they agree on every part both name.</summary>
    public string? Disagreement(ArnScope other)
    {
        if (Partition != other.Partition)
        {
            return $"partition '{Partition}', not '{other.Partition}'";
        }

        if (Region.Length > 0 && other.Region.Length > 0 && Region != other.Region)
        {
            return $"region '{Region}', not '{other.Region}'";
        }

        return Account.Length > 0 && other.Account.Length > 0 && Account != other.Account
            ? $"account '{Account}', not '{other.Account}'"
            : null;
    }

    [GeneratedRegex(@"^arn:(?<partition>aws(-[a-z]+)*):[a-z0-9-]+:(?<region>[a-z0-9-]*):(?<account>[^:]*):")]
    private static partial Regex Parts();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();
}
