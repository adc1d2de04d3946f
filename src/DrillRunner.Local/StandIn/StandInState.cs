using System.Collections.Concurrent;
using System.Text.Json;

namespace DrillRunner.Local.StandIn;

/// <summary>
/// What the stand-in knows beyond dynalite's tables: backups, PITR, tags and the configured faults.
/// Kept in a JSON file beside dynalite's data when local mode keeps its data on disk.
/// </summary>
internal sealed class StandInState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly object _saving = new();

    public ConcurrentDictionary<string, StandInBackup> Backups { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DateTimeOffset> PitrEnabledAt { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ConcurrentDictionary<string, string>> Tags { get; init; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, StandInTableSettings> TableSettings { get; init; } = new(StringComparer.Ordinal);

    public double RestoreSeconds { get; set; } = 1;

    public double PitrLagSeconds { get; set; } = 5;

    /// <summary>Tables whose latest restorable time trails now by their own lag, not <see cref="PitrLagSeconds"/>.</summary>
    public ConcurrentDictionary<string, double> PitrLagSecondsByTable { get; init; } = new(StringComparer.Ordinal);

    public List<string> FailingSources { get; init; } = [];

    internal string? Path { get; set; }

    /// <exception cref="Store.LocalStoreDamaged">The file is not the stand-in's JSON.</exception>
    public static StandInState Load(string? path)
    {
        StandInState state;
        try
        {
            state = path is not null && File.Exists(path)
                ? JsonSerializer.Deserialize<StandInState>(File.ReadAllText(path), Json) ?? new StandInState()
                : new StandInState();
        }
        catch (JsonException ex)
        {
            throw new Store.LocalStoreDamaged(System.IO.Path.GetDirectoryName(path)!, path!, $"not the stand-in's JSON ({ex.Message.Split(" Path:")[0]} at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})", ex);
        }

        state.Path = path;
        return state;
    }

    public void Save()
    {
        if (Path is null)
        {
            return;
        }

        lock (_saving)
        {
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
            File.Move(temporary, Path, overwrite: true);
        }
    }
}
