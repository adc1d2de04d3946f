namespace DrillRunner.Local.Store;

/// <summary>A file of the local store cannot be read: names it, and how to start afresh or keep the data.</summary>
public sealed class LocalStoreDamaged(string directory, string file, string problem, Exception? inner = null)
    : Exception($"The local store {directory} is damaged: {file}: {problem}. Fix: `drill local reset{LocalStore.DataOption(directory)}` deletes the store (its plans, runs and tables) to start afresh; to keep them, move {directory} aside first and reset, or repair {file} by hand.", inner)
{
    public string File { get; } = file;
}
