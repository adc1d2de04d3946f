namespace DrillRunner.Core.Ports;

/// <summary>A manual drill request: written to the runs table, turned into an execution by the Pipe.</summary>
public sealed record DrillRequest(string RequestId, string PlanName, string Reason, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>The recovery point rule for this one drill (latest, random, oldest), or "plan" for the plan's own.</summary>
    public string RecoveryPoint { get; init; } = Runs.PointSelects.FollowPlan;
}
