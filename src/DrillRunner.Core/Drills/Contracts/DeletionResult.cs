namespace DrillRunner.Core.Drills.Contracts;

/// <summary>What the state machine's delete call did, for the resource with this ARN.</summary>
public sealed record DeletionResult(string TargetId, bool Deleted, TaskError? Error)
{
    public string? Arn { get; init; }
}
