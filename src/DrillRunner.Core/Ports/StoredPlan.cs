namespace DrillRunner.Core.Ports;

/// <summary>A plan as stored: its JSON text and version.</summary>
public sealed record StoredPlan(string Name, int Version, string Json);
