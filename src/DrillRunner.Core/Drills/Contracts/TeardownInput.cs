using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// Teardown's input: the run, and from the state machine the resources tagged with this run
/// (GetResources' answer) and the outcome of the deletions it
/// made for teardown (databases, volumes, file systems, which no SDK in the functions deletes).
/// </summary>
public sealed record TeardownInput(string? RunId, TaskError? Error)
{
    public JsonElement? Tagged { get; init; }

    public IReadOnlyList<DeletionResult>? DeletionResults { get; init; }
}

/// <summary>A scratch resource the state machine is to delete: it passed the teardown guard.</summary>
public sealed record ScratchDeletion(string TargetId, string Kind, string ResourceId, string Arn)
{
    /// <summary>The run that created it (set by the janitor, which deletes for many runs).</summary>
    public string? RunId { get; init; }
}

/// <summary>What the state machine's delete call did, for the resource with this ARN.</summary>
public sealed record DeletionResult(string TargetId, bool Deleted, TaskError? Error)
{
    public string? Arn { get; init; }
}
