using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Reporting;

/// <summary>Everything the leadership report says about one plan over the window.</summary>
public sealed record PlanReport(
    string PlanName,
    double RtoObjectiveMinutes,
    double RpoObjectiveMinutes,
    int Runs,
    int Passes,
    RunPoint? Latest,
    DateTimeOffset? LastPassAt,
    double? DaysSinceLastPass,
    bool Stale,
    double? RtoP50Seconds,
    double? RtoP95Seconds,
    double? WorstRpoSeconds,
    IReadOnlyList<RunPoint> Points,
    IReadOnlyList<TargetTimes> Targets,
    IReadOnlyList<RunFailure> Failures,
    IReadOnlyList<UnverifiedTarget> NeverVerified)
{
    /// <summary>The latest drill's runbook gap per target: what a real recovery would still have to do by hand.</summary>
    public IReadOnlyList<TargetRunbookGap> RunbookGaps { get; init; } = [];

    /// <summary>The latest drill's targets restored from a named vault or a copy: which copy each proved (<see cref="Runs.ProvenCopy.Sentence"/>).</summary>
    public IReadOnlyList<TargetCopyProven> CopiesProven { get; init; } = [];

    /// <summary>The latest drill's targets with no runbook gap: not verified, or drilled before gaps were recorded. Said, never left blank.</summary>
    public IReadOnlyList<string> RunbookGapNotRecorded { get; init; } = [];

    /// <summary>The latest drill's relations between restored targets, as checked (empty for a plan with none).</summary>
    public IReadOnlyList<RelationResult> Relations { get; init; } = [];

    /// <summary>Mean estimated cost of a drill in the window (runner and restoring), over the runs that carry an estimate; null when none does.</summary>
    public double? MeanDrillCostUsd { get; init; }

    /// <summary>The runner's own part of <see cref="MeanDrillCostUsd"/>.</summary>
    public double? MeanRunnerCostUsd { get; init; }

    /// <summary>What the plan's drills cost per 30 days at the pace they ran in the window.</summary>
    public double? CostPerMonthUsd { get; init; }

    /// <summary>Passes over concluded runs in the window (0–1), or null with no runs.</summary>
    public double? PassRate => Runs == 0 ? null : (double)Passes / Runs;

    /// <summary>The one-line answer a non-engineer needs: are the objectives being met?</summary>
    public bool ObjectivesMet => Latest is { Verdict: Verdict.Pass } && !Stale && NeverVerified.Count == 0;
}

/// <summary>One run on the charts.</summary>
public sealed record RunPoint(string RunId, DateTimeOffset StartedAt, Verdict Verdict, double? RtoSeconds, double? RpoSeconds, string Reason)
{
    /// <summary>The common instant every target was restored to, if the drill had one.</summary>
    public DateTimeOffset? Instant { get; init; }

    /// <summary>With a common instant: the largest skew of any target from it.</summary>
    public double? LargestSkewSeconds { get; init; }

    /// <summary>The drill proved an older point on purpose: its RPO is that point's age, not judged.</summary>
    public bool OlderPoint { get; init; }

    /// <summary>The drill's relations that did not hold or were not checked, as "id: outcome"; empty when all held or the plan has none.</summary>
    public IReadOnlyList<string> RelationsNotHeld { get; init; } = [];
}

/// <summary>A target's restore and verification times over the window (medians) and in the latest run that reached them.</summary>
public sealed record TargetTimes(string TargetId, string SourceName, int Restores, double? MedianRestoreSeconds, double? MedianVerifySeconds, double? LatestRestoreSeconds, double? LatestVerifySeconds)
{
    /// <summary>The oldest recovery point a drill in the window restored and verified: proof that backups that old still restore.</summary>
    public DateTimeOffset? OldestProvenPoint { get; init; }

    /// <summary>When that point was verified.</summary>
    public DateTimeOffset? OldestProvenOn { get; init; }
}

/// <summary>A run that did not pass, with its reason.</summary>
public sealed record RunFailure(string RunId, DateTimeOffset StartedAt, Verdict Verdict, string Reason);

/// <summary>One target's runbook gap, as the latest drill recorded it.</summary>
public sealed record TargetRunbookGap(string TargetId, string SourceName, string Sentence, bool HasCompared);
