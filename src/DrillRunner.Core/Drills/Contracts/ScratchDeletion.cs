namespace DrillRunner.Core.Drills.Contracts;

/// <summary>A scratch resource the state machine is to delete: it passed the teardown guard.</summary>
public sealed record ScratchDeletion(string TargetId, string Kind, string ResourceId, string Arn)
{
    /// <summary>The run that created it (set by the janitor, which deletes for many runs).</summary>
    public string? RunId { get; init; }

    /// <summary>The deletion of a target's recorded scratch resource (which must have an ARN: AWS created it).</summary>
    public static ScratchDeletion Of(Runs.TargetRun target)
    {
        var scratch = target.Scratch ?? throw new InvalidOperationException($"Target '{target.TargetId}' has no scratch resource to delete.");
        return new ScratchDeletion(target.TargetId, scratch.Kind, scratch.ResourceId, scratch.Arn ?? throw new InvalidOperationException($"Scratch '{scratch.Name}' has no ARN: nothing AWS created can be named for deletion."))
        {
            RunId = target.RunId,
        };
    }
}
