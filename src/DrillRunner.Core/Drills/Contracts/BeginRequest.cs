namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What starts a drill: the schedule's input, or a manual request as the Pipe forwards it.</summary>
public sealed record BeginRequest(string PlanName, string? Trigger, string? Reason, string? RequestedBy, string? ExecutionId)
{
    /// <summary>The request item this execution serves (manual drills), linked to the run once it begins.</summary>
    public string? RequestId { get; init; }

    /// <summary>The recovery point rule for this one drill (latest, random, oldest), or <see cref="Runs.PointSelects.FollowPlan"/> (or nothing) for the plan's own.</summary>
    public string? RecoveryPoint { get; init; }
}
