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

    /// <summary>Set when the state machine's deletion step failed as a whole (its Catch's error).</summary>
    public TaskError? DeletionError { get; init; }

    /// <summary>The state machine came back from the deletions it was handed (with outcomes, or with the step's failure).</summary>
    public bool ReturnsFromDeletions => DeletionResults is not null || DeletionError is not null;
}
