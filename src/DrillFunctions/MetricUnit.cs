namespace DrillFunctions;

/// <summary>
/// The CloudWatch units the functions' metrics use, named as CloudWatch (and Powertools'
/// <c>MetricUnit</c>) name them, so a misspelt unit cannot compile. EMF writes the member's name.
/// </summary>
public enum MetricUnit
{
    /// <summary>A dimensionless number (hours since the last PASS: CloudWatch has no hours).</summary>
    None,

    Count,

    Seconds,
}
