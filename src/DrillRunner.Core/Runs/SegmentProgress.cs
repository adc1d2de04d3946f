namespace DrillRunner.Core.Runs;

/// <summary>One scan segment's progress; <paramref name="ResumeAfter"/> is the adapter's opaque key to continue from.</summary>
public sealed record SegmentProgress(int Segment, long Count, string? ResumeAfter, bool Done);
