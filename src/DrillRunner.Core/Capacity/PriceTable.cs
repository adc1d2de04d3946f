namespace DrillRunner.Core.Capacity;

/// <summary>
/// The prices a drill's cost is estimated from: one home, by region, with the day they were taken.
/// On-demand list prices, no free tier, no savings plans. A region not listed is estimated at
/// us-east-1's prices, and the estimate says so.
/// </summary>
/// <remarks>
/// Sources (2026-12-02): aws.amazon.com/step-functions/pricing (standard workflows, per 1,000 state
/// transitions, table by region); aws.amazon.com/lambda/pricing (Arm, as template.yaml deploys: per
/// request, and per GB-second $0.0000133334, 20 % under x86's $0.0000166667);
/// aws.amazon.com/dynamodb/pricing/on-demand (read/write request units, storage, PITR and backup
/// restores per GB). AWS Backup restores of other kinds are priced by AWS Backup per GB restored for
/// some kinds only (EFS, S3) and are not estimated here: their size is not known to the runner.
/// </remarks>
public sealed record PriceTable(
    string Region,
    double StateTransition,
    double LambdaRequest,
    double LambdaGbSecond,
    double ReadRequestUnit,
    double WriteRequestUnit,
    double StorageGbMonth,
    double RestoreGb)
{
    public const string TakenOn = "2026-12-02";

    public const string DefaultRegion = "us-east-1";

    private static readonly Dictionary<string, PriceTable> Regions = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = new("us-east-1", 0.025 / 1000, 0.20 / 1e6, 0.0000133334, 0.125 / 1e6, 0.625 / 1e6, 0.25, 0.15),
        ["us-west-2"] = new("us-west-2", 0.025 / 1000, 0.20 / 1e6, 0.0000133334, 0.125 / 1e6, 0.625 / 1e6, 0.25, 0.15),
        ["eu-west-1"] = new("eu-west-1", 0.025 / 1000, 0.20 / 1e6, 0.0000133334, 0.1413 / 1e6, 0.7063 / 1e6, 0.283, 0.17),
    };

    /// <summary>The prices of a region, or us-east-1's when the region is not listed (the estimate names the region it used).</summary>
    public static PriceTable For(string? region) => region is not null && Regions.TryGetValue(region, out var prices) ? prices : Regions[DefaultRegion];
}
