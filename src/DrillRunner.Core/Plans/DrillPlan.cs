namespace DrillRunner.Core.Plans;

/// <summary>What to drill, against which objectives, and how to prove the restore worked.</summary>
public sealed record DrillPlan(
    string Name,
    Objectives Objectives,
    string ScratchPrefix,
    int MaxConcurrentRestores,
    int RestoreTimeoutMinutes,
    IReadOnlyList<DrillTarget> Targets,
    IReadOnlyList<HttpHealthCheck> HealthChecks,
    string? SnsTopicArn)
{
    /// <summary>Version assigned when the plan is stored; 0 for a plan read from a file.</summary>
    public int Version { get; init; }

    /// <summary>
    /// Rules that select targets when each drill begins. A run's own copy of the plan has them
    /// resolved into <see cref="Targets"/> and none left (see the run's Selection).
    /// </summary>
    public IReadOnlyList<SelectionRule> Selection { get; init; } = [];

    /// <summary>Resources this plan deliberately leaves out of the coverage audit's findings, with the reason.</summary>
    public IReadOnlyList<CoverageExclusion> CoverageExclusions { get; init; } = [];

    /// <summary>"survival": { "require": [...] }: the events the coverage audit requires its resources to survive; null: the stack's SurvivalRequire.</summary>
    public IReadOnlyList<SurvivalEvent>? SurvivalRequired { get; init; }

    /// <summary>A target whose restore lacks a setting its source has (its runbook gap) fails the drill; by default the gap is only reported.</summary>
    public bool FailOnRunbookGap { get; init; }

    /// <summary>Restore every target to one common instant T, or each to its own point.</summary>
    public RecoveryInstant RecoveryInstant { get; init; }

    /// <summary>With a common instant: a target restored further than this before T fails the drill's objectives.</summary>
    public double? MaxSkewSeconds { get; init; }

    /// <summary>Which recovery point the drill proves, unless a target says otherwise.</summary>
    public RecoveryPointRule RecoveryPoint { get; init; } = RecoveryPointRule.Latest;

    /// <summary>The rule a target's recovery point is chosen by: its own, else the plan's.</summary>
    public RecoveryPointRule PointRule(DrillTarget target) => target.RecoveryPoint ?? RecoveryPoint;

    /// <summary>What must hold between the restored targets, checked once every target is verified.</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    public DrillTarget Target(string targetId) =>
        Targets.FirstOrDefault(t => t.Id == targetId)
        ?? throw new InvalidOperationException($"Plan '{Name}' has no target '{targetId}'.");

    /// <summary>A target whose restore is a DynamoDB table: a native target, or an AWS Backup one of a table.</summary>
    public DynamoDbTarget TableTarget(string targetId) => Target(targetId) switch
    {
        DynamoDbTarget table => table,
        AwsBackupTarget { RestoresTable: true } backup => backup.AsDynamoDbTarget(),
        var other => throw new InvalidOperationException($"Target '{targetId}' of plan '{Name}' does not restore a DynamoDB table ({other.Type})."),
    };

    /// <summary>An "aws-backup" target.</summary>
    public AwsBackupTarget BackupTarget(string targetId) =>
        Target(targetId) as AwsBackupTarget
        ?? throw new InvalidOperationException($"Target '{targetId}' of plan '{Name}' is not an aws-backup target.");
}
