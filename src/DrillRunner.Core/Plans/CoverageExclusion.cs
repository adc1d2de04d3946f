namespace DrillRunner.Core.Plans;

/// <summary>
/// A resource a plan deliberately leaves out of the coverage audit's findings (a cache that is
/// rebuilt, a table being retired), with the reason, which the audit and the report show.
/// </summary>
/// <param name="Resource">The resource's ARN, or its name (a table, bucket, database identifier, volume or file-system id).</param>
public sealed record CoverageExclusion(string Resource, string Reason)
{
    /// <summary>The ARN, the name, or the id the ARN ends with (a volume's vol-…, a file system's fs-…).</summary>
    public bool Matches(string arn, string? name) =>
        string.Equals(Resource, arn, StringComparison.Ordinal)
        || (name is not null && string.Equals(Resource, name, StringComparison.Ordinal))
        || arn.EndsWith("/" + Resource, StringComparison.Ordinal)
        || arn.EndsWith(":" + Resource, StringComparison.Ordinal);
}
