namespace DrillRunner.Core.Drills.Contracts;

/// <summary>A scratch resource the state machine is to delete: it passed the teardown guard.</summary>
public sealed record ScratchDeletion(string TargetId, string Kind, string ResourceId, string Arn)
{
    /// <summary>The run that created it (set by the janitor, which deletes for many runs).</summary>
    public string? RunId { get; init; }
}
