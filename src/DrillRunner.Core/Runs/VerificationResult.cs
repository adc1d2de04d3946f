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
    IReadOnlyList<string> SampleMismatches);
