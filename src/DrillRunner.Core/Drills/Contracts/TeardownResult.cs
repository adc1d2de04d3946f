namespace DrillRunner.Core.Drills.Contracts;

/// <summary>
/// The execution's final output: the verdict, and how many scratch resources were left behind. While
/// <see cref="Done"/> is false, <see cref="Deletions"/> lists what the state machine must delete
/// before calling teardown again.
/// </summary>
public sealed record TeardownResult(string? RunId, string Verdict, string Reason, int ScratchResourcesLeft)
{
    public bool Done { get; init; } = true;

    public IReadOnlyList<ScratchDeletion> Deletions { get; init; } = [];
}
