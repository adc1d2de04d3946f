using System.Text.Json;

namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// What the janitor's state machine passes to the janitor function. No mode: sweep tables and
/// buckets (the function deletes those itself). "choose": of the resources tagged as scratch
/// (a GetResources answer, in <see cref="Tagged"/>), the expired databases,
/// volumes and file systems that pass the guard. "record": what the state machine's deletes did.
/// </summary>
public sealed record JanitorInput(string? Mode)
{
    public const string Choose = "choose";
    public const string Record = "record";

    public JsonElement? Tagged { get; init; }

    public IReadOnlyList<ScratchDeletion>? Deletions { get; init; }

    public IReadOnlyList<DeletionResult>? Results { get; init; }
}
