namespace DrillRunner.Core.Runs;

/// <summary>
/// The run record: the system of record that the workflow, the CLI and the report share.
/// <see cref="StartedAt"/> is T0, the simulated moment of disaster.
/// </summary>
public sealed record DrillRun(
    string RunId,
    string PlanName,
    int PlanVersion,
    string PlanJson,
    string Trigger,
    DateTimeOffset StartedAt)
{
    public string? Reason { get; init; }

    public string? RequestedBy { get; init; }

    public string? ExecutionId { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Running;

    public IReadOnlyList<string> TargetIds { get; init; } = [];

    public double RtoObjectiveMinutes { get; init; }

    public double RpoObjectiveMinutes { get; init; }

    /// <summary>The plan's failOnRunbookGap when the run began: a target's runbook gap fails the drill.</summary>
    public bool FailOnRunbookGap { get; init; }

    /// <summary>The one instant every target was restored to, when the plan asks for "recoveryInstant": "common".</summary>
    public CommonInstant? Instant { get; init; }

    /// <summary>The plan's maxSkewSeconds when the run began: a target restored further before T fails the objectives.</summary>
    public double? MaxSkewSeconds { get; init; }

    /// <summary>The seed every random draw of this run (recovery points, T) derives from; recorded so a draw can be repeated.</summary>
    public int Seed { get; init; }

    /// <summary>The recovery point rule asked for this one drill (drill run --recovery-point), overriding the plan's.</summary>
    public PointSelect? PointOverride { get; init; }

    /// <summary>What the plan's "select" rules found when the run began; null when the plan has none.</summary>
    public RunSelection? Selection { get; init; }

    public IReadOnlyList<HealthCheckResult> HealthChecks { get; init; } = [];

    /// <summary>The plan's relations as checked on the restored targets (empty until CheckRelations ran, and for a plan with none).</summary>
    public IReadOnlyList<RelationResult> Relations { get; init; } = [];

    /// <summary>T_healthy: when every health check had passed.</summary>
    public DateTimeOffset? HealthyAt { get; init; }

    public double? RtoSeconds { get; init; }

    public double? RpoSeconds { get; init; }

    public Verdict? Verdict { get; init; }

    public string? VerdictReason { get; init; }

    /// <summary>A failure of the runner itself (not of the drill), with its error name.</summary>
    public string? RunnerError { get; init; }

    public bool HoldsPlanLock { get; init; }

    /// <summary>When the drill stops its unfinished targets to leave time for teardown (see <see cref="DrillDeadline"/>).</summary>
    public DateTimeOffset? Deadline { get; init; }

    public DateTimeOffset? ConcludedAt { get; init; }

    /// <summary>What the drill cost, estimated when it concluded (teardown after it is not included).</summary>
    public RunCost? Cost { get; init; }

    public DateTimeOffset? TornDownAt { get; init; }
}
