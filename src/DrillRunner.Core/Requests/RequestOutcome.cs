using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Requests;

/// <summary>A request submitted, or why it was not: the plan is unknown, or another run holds it.</summary>
public sealed record RequestOutcome(DrillRequest? Submitted, string? PlanProblem, PlanLockHolder? HeldBy);
