using System.Text.Json;

namespace DrillRunner.Local.Store;

/// <summary>
/// Which command holds the local store, since when, and where its DynamoDB stand-in answers, so a
/// second terminal can say who is using the store and read through it meanwhile.
/// </summary>
/// <param name="Endpoint">The holder's DynamoDB stand-in, once it has started; null while it starts.</param>
public sealed record LocalStoreOwner(int ProcessId, string Command, DateTimeOffset Since, Uri? Endpoint)
{
    public const string FileName = "owner.json";

    /// <summary>"`drill run --local …` (pid 4242) since 09:41:03 UTC".</summary>
    public string Describe() => $"`{Command}` (pid {ProcessId}) since {Since:yyyy-MM-dd HH:mm:ss} UTC";

    /// <summary>The holder as it described itself, or null when it has not yet (or the file is unreadable).</summary>
    public static LocalStoreOwner? Read(string directory)
    {
        try
        {
            return JsonSerializer.Deserialize<LocalStoreOwner>(File.ReadAllText(Path.Combine(directory, FileName)));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            // Written by the holder a moment after it took the lock, and removed when it ends: absent or half-written is normal.
            return null;
        }
    }

    internal void Write(string directory)
    {
        var file = Path.Combine(directory, FileName);
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(this));
        File.Move(file + ".tmp", file, overwrite: true);
    }
}
