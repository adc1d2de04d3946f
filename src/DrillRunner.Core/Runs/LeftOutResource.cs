namespace DrillRunner.Core.Runs;

/// <summary>A resource a rule matched but did not drill, and why (<see cref="LeftOutReasons"/>).</summary>
public sealed record LeftOutResource(string RuleId, string Resource, string Reason, string Detail);
