namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The execution's final output: the verdict, and how many scratch resources were left behind.</summary>
public sealed record TeardownResult(string? RunId, string Verdict, string Reason, int ScratchResourcesLeft);
