namespace DrillRunner.Core.Runs;

/// <summary>One scan segment's progress; <paramref name="ResumeAfter"/> is the adapter's opaque key to continue from.</summary>
/// <param name="ReadUnits">Read units DynamoDB reported consumed by this segment so far (ReturnConsumedCapacity).</param>
public sealed record SegmentProgress(int Segment, long Count, string? ResumeAfter, bool Done, double ReadUnits = 0);
