namespace DrillRunner.Local.Store;

/// <summary>Another command holds the local store; says which, since when, and what works meanwhile.</summary>
public sealed class LocalStoreInUse(string directory, LocalStoreOwner? owner, string? detail = null)
    : Exception(Describe(directory, owner, detail))
{
    public string Directory { get; } = directory;

    /// <summary>The holder, when it described itself (a drill command of this version does, once it has started).</summary>
    public LocalStoreOwner? Owner { get; } = owner;

    private static string Describe(string directory, LocalStoreOwner? owner, string? detail) =>
        owner is not null
            ? $"The local store {directory} is in use by {owner.Describe()}. status, history, report and coverage read through it meanwhile; this command changes the store: run it when that one has ended."
            : detail is not null
                ? $"The local store {directory} is held by a process that is not a drill command of this version ({detail}). Fix: end that process (e.g. a dynalite started by hand on {directory}/dynalite), then try again."
                : $"The local store {directory} is in use by another drill command that is still starting. Try again in a moment.";
}
