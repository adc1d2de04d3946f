namespace DrillRunner.Local.StandIn;

/// <summary>
/// One table's changes since PITR was turned on (or since this stand-in started, which ever is later):
/// the table as it was at any T in the window is the table now with every later change undone, newest first.
/// Callers hold <see cref="Gate"/> around a write and its record, and around a restore's read of the table
/// and of the changes, so no write falls between the two.
/// </summary>
internal sealed class TableHistory(IReadOnlyList<string> keyNames, DateTimeOffset startedAt)
{
    private readonly LinkedList<ItemChange> _changes = new();
    private long _bytes;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public IReadOnlyList<string> KeyNames { get; } = keyNames;

    /// <summary>The earliest instant whose state this history can rebuild: its start, or the newest change it had to drop.</summary>
    public DateTimeOffset Earliest { get; private set; } = startedAt;

    public int Count => _changes.Count;

    /// <summary>Keeps a change, then drops the oldest ones that are past the recovery window or over the bounds (<see cref="PitrHistory"/>).</summary>
    public void Add(ItemChange change, DateTimeOffset windowStart)
    {
        _changes.AddLast(change);
        _bytes += change.Bytes;
        while (_changes.First is { } oldest && (oldest.Value.At <= windowStart || _changes.Count > PitrHistory.MaxChangesPerTable || _bytes > PitrHistory.MaxBytesPerTable))
        {
            _changes.RemoveFirst();
            _bytes -= oldest.Value.Bytes;
            // Undoing a dropped change is no longer possible, so no instant before it can be rebuilt.
            if (oldest.Value.At > Earliest)
            {
                Earliest = oldest.Value.At;
            }
        }
    }

    /// <summary>The changes made after <paramref name="at"/>, oldest first.</summary>
    public List<ItemChange> After(DateTimeOffset at) => _changes.Where(c => c.At > at).ToList();
}
