namespace DrillRunner.Core.Drills.Contracts;

/// <summary>Usable yet, or how long to wait before describing again; once usable, the identifiers the verifier Lambda is told.</summary>
public sealed record ResourceReadiness(bool Ready, int WaitSeconds, IReadOnlyDictionary<string, string>? RestoredIdentifiers);
