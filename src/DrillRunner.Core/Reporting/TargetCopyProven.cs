namespace DrillRunner.Core.Reporting;

/// <summary>Which copy a target of the latest drill restored: its vault, account, region, source vault and creation time, in one sentence.</summary>
public sealed record TargetCopyProven(string TargetId, string Sentence);
