namespace DrillRunner.Core.Runs;

/// <summary>What verification found in a restored table.</summary>
public sealed record VerificationResult(
    long ItemCount,
    long? SourceItemCount,
    long? ExpectedMin,
    long? ExpectedMax,
    int SentinelsChecked,
    IReadOnlyList<string> SentinelsMissing,
    int SampleCompared,
    int SampleSkipped,
    IReadOnlyList<string> SampleMismatches)
{
    /// <summary>The seed that chose the sample's segments: the same seed draws the same sample again.</summary>
    public int? SampleSeed { get; init; }

    /// <summary>Seconds between the middles of the restored and the live source's counts (for a tolerance).</summary>
    public double? CountSkewSeconds { get; init; }

    /// <summary>Scan segments the restored table's count used (chosen from its size).</summary>
    public int? ScanSegments { get; init; }

    /// <summary>Read units the counts consumed: restored table, live source.</summary>
    public double RestoredReadUnits { get; init; }

    public double SourceReadUnits { get; init; }
}
