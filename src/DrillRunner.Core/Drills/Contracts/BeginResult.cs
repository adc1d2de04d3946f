namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The run that began (Started), or why none did; the Map iterates <see cref="Targets"/>.</summary>
public sealed record BeginResult(string RunId, string PlanName, bool Started, string Message, int MaxConcurrency, IReadOnlyList<TargetRef> Targets);
