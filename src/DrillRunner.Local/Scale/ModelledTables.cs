using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Local.Scale;

/// <summary>
/// Tables of modelled size for scale runs (docs/benchmarks.md, "The capacity model"). A modelled table
/// exists in dynalite (empty), so describing, tagging and deleting it are dynalite's; the stand-in lays
/// its modelled size and item count over DescribeTable, answers Select=COUNT scans with modelled pages
/// (1 MB each, Count and ScannedCount from the modelled items, ConsumedCapacity at half a unit per
/// 4 KB), paced by what the table allows: a segment reads one page at a time, no faster than one
/// partition serves (3,000 units/s), and all segments together no faster than the table does
/// (partitions × 3,000, capped at the 40,000 table quota). A restore of a modelled table makes a
/// modelled table of the same size, ready after <see cref="DynamoDbCapacity.ExpectedRestore"/> times
/// <see cref="RestoreVariation"/>. Time is the stand-in's clock: a <see cref="ScaledTimeProvider"/> makes it fast.
/// </summary>
public sealed class ModelledTables(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ModelledTable> _tables = new(StringComparer.Ordinal);

    /// <summary>Actual restore duration ÷ the size forecast; the benchmark varies it so the forecast is not simply right.</summary>
    public double RestoreVariation { get; set; } = 1.0;

    /// <summary>The key attribute modelled pages' LastEvaluatedKey uses (a modelled table is keyed by it).</summary>
    public const string KeyAttribute = Hosting.TableWaits.KeyAttribute;

    public void Model(string table, long sizeBytes, long itemCount) => _tables[table] = new ModelledTable(sizeBytes, itemCount);

    public bool IsModelled(string table) => _tables.ContainsKey(table);

    public ModelledTable? Get(string table) => _tables.TryGetValue(table, out var found) ? found : null;

    public void Forget(string table) => _tables.TryRemove(table, out _);

    /// <summary>A restore of <paramref name="source"/> into <paramref name="target"/>: how long it takes, or null when the source is not modelled.</summary>
    public TimeSpan? Restore(string source, string target)
    {
        if (!_tables.TryGetValue(source, out var modelled))
        {
            return null;
        }

        _tables[target] = new ModelledTable(modelled.SizeBytes, modelled.ItemCount);
        return DynamoDbCapacity.ExpectedRestore(modelled.SizeBytes) * RestoreVariation;
    }

    /// <summary>Lays the modelled size and count over dynalite's DescribeTable answer.</summary>
    public void Overlay(JsonObject describeTableResponse)
    {
        if (describeTableResponse["Table"] is JsonObject table && table["TableName"]?.GetValue<string>() is { } name && _tables.TryGetValue(name, out var modelled))
        {
            table["TableSizeBytes"] = modelled.SizeBytes;
            table["ItemCount"] = modelled.ItemCount;
        }
    }

    /// <summary>One modelled Scan page, after the wait the table's capacity imposes; null when the table is not modelled.</summary>
    public async Task<JsonObject?> ScanAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var name = request["TableName"]?.GetValue<string>() ?? string.Empty;
        if (!_tables.TryGetValue(name, out var table))
        {
            return null;
        }

        if (request["Select"]?.GetValue<string>() != "COUNT")
        {
            // Modelled tables have no items to return; a sample finds none.
            return new JsonObject { ["Items"] = new JsonArray(), ["Count"] = 0, ["ScannedCount"] = 0 };
        }

        var segment = request["Segment"]?.GetValue<int>() ?? 0;
        var total = request["TotalSegments"]?.GetValue<int>() ?? 1;
        var (from, to) = (table.SizeBytes * segment / total, table.SizeBytes * (segment + 1) / total);
        var offset = request["ExclusiveStartKey"]?[KeyAttribute]?["S"]?.GetValue<string>() is { } key ? long.Parse(key, CultureInfo.InvariantCulture) : from;
        var end = Math.Min(to, offset + DynamoDbCapacity.ScanPageBytes);
        var items = table.ItemsBefore(end) - table.ItemsBefore(offset);
        var units = Math.Ceiling((double)(end - offset) / DynamoDbCapacity.ReadUnitBytes) * DynamoDbCapacity.EventuallyConsistentFactor;

        var wait = table.Reserve(units, time.GetUtcNow());
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        var answer = new JsonObject
        {
            ["Count"] = items,
            ["ScannedCount"] = items,
            ["ConsumedCapacity"] = new JsonObject { ["TableName"] = name, ["CapacityUnits"] = units },
        };
        if (end < to)
        {
            answer["LastEvaluatedKey"] = new JsonObject { [KeyAttribute] = new JsonObject { ["S"] = end.ToString(CultureInfo.InvariantCulture) } };
        }

        return answer;
    }
}

/// <summary>A modelled table: its size, items and the read capacity it has handed out.</summary>
public sealed class ModelledTable(long sizeBytes, long itemCount)
{
    private readonly object _gate = new();
    private DateTimeOffset _tableFreeAt = DateTimeOffset.MinValue;

    public long SizeBytes { get; } = sizeBytes;

    public long ItemCount { get; } = itemCount;

    /// <summary>Read units consumed by scans, and the modelled span from the first page asked to the last one served.</summary>
    public double ReadUnitsConsumed { get; private set; }

    public DateTimeOffset? FirstPageAskedAt { get; private set; }

    public DateTimeOffset? LastPageServedAt { get; private set; }

    public double ReadUnitsPerSecond => DynamoDbCapacity.ReadUnitsPerSecond(SizeBytes);

    /// <summary>Read units consumed ÷ what the table allowed over the span its scans took.</summary>
    public double Efficiency => FirstPageAskedAt is { } first && LastPageServedAt is { } last && last > first
        ? ReadUnitsConsumed / (ReadUnitsPerSecond * (last - first).TotalSeconds)
        : 0;

    internal long ItemsBefore(long offset) => SizeBytes == 0 ? 0 : (long)((decimal)ItemCount * offset / SizeBytes);

    /// <summary>
    /// Books a page of <paramref name="units"/>: it is served once the table has capacity for it (pages
    /// queue at the table's rate) and no sooner than one partition serves it; returns how long to wait.
    /// </summary>
    internal TimeSpan Reserve(double units, DateTimeOffset now)
    {
        lock (_gate)
        {
            FirstPageAskedAt ??= now;
            var start = _tableFreeAt > now ? _tableFreeAt : now;
            _tableFreeAt = start + TimeSpan.FromSeconds(units / ReadUnitsPerSecond);
            var partitionDone = now + TimeSpan.FromSeconds(units / DynamoDbCapacity.PartitionReadUnitsPerSecond);
            var served = _tableFreeAt > partitionDone ? _tableFreeAt : partitionDone;
            ReadUnitsConsumed += units;
            LastPageServedAt = LastPageServedAt is { } last && last > served ? last : served;
            return served - now;
        }
    }
}
