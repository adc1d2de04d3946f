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

    /// <summary>Read units the count consumed so far.</summary>
    public double ReadUnits => Segments.Sum(s => s.ReadUnits);

    /// <summary>When the count began and ended: a count of a live table is a count over that span.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How many invocations the count took (it is checkpointed between them).</summary>
    public int Invocations { get; init; }

    public static ScanCheckpoint Start(int segments) =>
        new(Enumerable.Range(0, segments).Select(i => new SegmentProgress(i, 0, null, false)).ToList());

    /// <summary>The middle of the count's span: the moment the count stands for.</summary>
    public DateTimeOffset? Midpoint => StartedAt is { } start && CompletedAt is { } end ? start + ((end - start) / 2) : null;
}
