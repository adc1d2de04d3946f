namespace DrillRunner.Core.Ports;

/// <summary>The span a table's point-in-time recovery can restore to now (DescribeContinuousBackups).</summary>
public sealed record ContinuousWindow(DateTimeOffset Earliest, DateTimeOffset Latest);
