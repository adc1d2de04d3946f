namespace DrillRunner.Core.Plans;

/// <summary>What to drill, against which objectives, and how to prove the restore worked.</summary>
public sealed record DrillPlan(
    string Name,
    Objectives Objectives,
    string ScratchPrefix,
    int MaxConcurrentRestores,
    int RestoreTimeoutMinutes,
    IReadOnlyList<DynamoDbTarget> Targets,
    IReadOnlyList<HttpHealthCheck> HealthChecks,
    string? SnsTopicArn)
{
    /// <summary>Version assigned when the plan is stored; 0 for a plan read from a file.</summary>
    public int Version { get; init; }

    public DynamoDbTarget Target(string targetId) =>
        Targets.FirstOrDefault(t => t.Id == targetId)
        ?? throw new InvalidOperationException($"Plan '{Name}' has no target '{targetId}'.");
}
