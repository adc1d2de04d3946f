using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Plans;

/// <summary>
/// A plan's "select" rule: at every drill, every resource of <see cref="Kind"/> whose tags meet all
/// <see cref="Tags"/> and whose name matches <see cref="NamePattern"/> becomes a target with the rule's
/// defaults (the fields a target of <see cref="Type"/> takes, kept in <see cref="DefaultsJson"/> and
/// checked by the target reader itself).
/// </summary>
/// <param name="Id">The rule's id: run records and messages name it.</param>
/// <param name="Type">"dynamodb" or "aws-backup", as a target's type.</param>
/// <param name="Kind">What is listed: DynamoDB tables or S3 buckets.</param>
/// <param name="DefaultsJson">The rule's JSON object without the rule's own fields: what every selected target gets.</param>
public sealed record SelectionRule(
    string Id,
    string Type,
    RestoreKind Kind,
    IReadOnlyList<TagCondition> Tags,
    NameGlob? NamePattern,
    string DefaultsJson)
{
    /// <summary>The fields that say what a rule selects; every other field of a rule is a default of its targets.</summary>
    public static readonly IReadOnlyList<string> RuleFields = ["id", "type", "resourceType", "tags", "namePattern"];

    /// <summary>The kinds whose listings the runner reads with the SDKs it is built with.</summary>
    public static readonly IReadOnlyList<RestoreKind> SelectableKinds = [RestoreKinds.DynamoDbTable, RestoreKinds.S3Bucket];

    public bool Matches(string name, IReadOnlyDictionary<string, string> tags) =>
        (NamePattern is null || NamePattern.Matches(name)) && Tags.All(t => t.IsMetBy(tags));

    /// <summary>"type dynamodb, tags app=shop, env≠dev, name shop-*": what the rule asks for, in one line.</summary>
    public string Describe()
    {
        var parts = new List<string> { Type == AwsBackupTarget.TypeName ? $"aws-backup {Kind.AwsBackupName}" : Type };
        if (Tags.Count > 0)
        {
            parts.Add($"tags {string.Join(", ", Tags)}");
        }

        if (NamePattern is not null)
        {
            parts.Add($"name {NamePattern}");
        }

        return string.Join("; ", parts);
    }
}
