namespace DrillRunner.Core.Drills.Contracts;

/// <summary>The verdict, and the notification the state machine publishes on anything but PASS.</summary>
public sealed record Conclusion(string RunId, string PlanName, string Verdict, string Reason, double? RtoSeconds, double? RpoSeconds, double RtoObjectiveSeconds, double RpoObjectiveSeconds, bool Notify, string? TopicArn, string Subject, string Message);
