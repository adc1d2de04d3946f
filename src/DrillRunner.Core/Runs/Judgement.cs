namespace DrillRunner.Core.Runs;

/// <summary>The measured numbers and the verdict they lead to.</summary>
public sealed record Judgement(Verdict Verdict, string Reason, double? RtoSeconds, double? RpoSeconds);
