namespace DrillRunner.Local.Store;

/// <summary>
/// The local store admits one command that changes it at a time (dynalite's LevelDB is one
/// process's): an exclusive OS lock on a file in the store, which the OS releases when the holder
/// dies, so a killed command never leaves the store locked.
/// </summary>
internal sealed class LocalStoreLock : IDisposable
{
    public const string FileName = "owner.lock";
    private readonly FileStream _file;
    private readonly string _directory;

    private LocalStoreLock(FileStream file, string directory)
    {
        _file = file;
        _directory = directory;
    }

    /// <summary>Takes the store's lock, or returns null when another command (or another store object in this process) holds it.</summary>
    public static LocalStoreLock? TryTake(string directory)
    {
        Directory.CreateDirectory(directory);
        FileStream file;
        try
        {
            // FileShare.None is an exclusive flock on Unix: held by the open handle, released by the OS with the process.
            file = new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        // What the previous holder wrote is not about us: gone before anyone reads it as ours.
        File.Delete(Path.Combine(directory, LocalStoreOwner.FileName));
        return new LocalStoreLock(file, directory);
    }

    /// <summary>Tells other commands who holds the store (and where to read it meanwhile).</summary>
    public void Describe(LocalStoreOwner owner) => owner.Write(_directory);

    public void Dispose()
    {
        File.Delete(Path.Combine(_directory, LocalStoreOwner.FileName));
        _file.Dispose();
    }
}
