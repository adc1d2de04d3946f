using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>A recovery point found, or a person-readable reason why none was usable.</summary>
public sealed record RecoveryPointSearch(RecoveryPoint? Point, string? WhyNone);
