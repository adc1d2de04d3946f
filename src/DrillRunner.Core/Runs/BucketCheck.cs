namespace DrillRunner.Core.Runs;

/// <summary>A restored bucket's object count and bytes (and the live source's, for a tolerance), and its sentinels.</summary>
public sealed record BucketCheck(BucketCount Restored, BucketCount? Source)
{
    public long? ExpectedMinObjects { get; init; }

    public long? ExpectedMaxObjects { get; init; }

    public long? ExpectedMinBytes { get; init; }

    public long? ExpectedMaxBytes { get; init; }

    public int SentinelsChecked { get; init; }

    public IReadOnlyList<string> SentinelsMissing { get; init; } = [];
}
