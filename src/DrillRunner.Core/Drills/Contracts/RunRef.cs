namespace DrillRunner.Core.Drills.Contracts;

/// <summary>Whole-run steps need only the run id.</summary>
public sealed record RunRef(string RunId);
