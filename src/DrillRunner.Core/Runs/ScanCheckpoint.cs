namespace DrillRunner.Core.Runs;

/// <summary>
/// How far an exact count by parallel scan has got: per segment, the items counted and where to
/// resume. Kept in the run record so that counting a table too large for one Lambda invocation
/// goes on in the next one instead of hitting the 15-minute limit.
/// </summary>
public sealed record ScanCheckpoint(IReadOnlyList<SegmentProgress> Segments)
{
    public bool IsComplete => Segments.All(s => s.Done);

    public long Count => Segments.Sum(s => s.Count);

    public static ScanCheckpoint Start(int segments) =>
        new(Enumerable.Range(0, segments).Select(i => new SegmentProgress(i, 0, null, false)).ToList());
}
