using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.StandIn;

/// <summary>
/// The change history of every table with PITR on, so a restore to T holds the items as they were at T.
/// Every item write that passes through the stand-in (PutItem, UpdateItem, DeleteItem, BatchWriteItem) is
/// recorded with the stand-in's time and the item's before-image: PutItem, DeleteItem and UpdateItem ask
/// dynalite for ALL_OLD (removed from the answer when the client did not ask for it; an UpdateItem that asks
/// for new values has the item read first), BatchWriteItem has its items read first. Kept in memory only:
/// a stand-in that starts again keeps history from its start, and says so in EarliestRestorableDateTime.
/// </summary>
internal sealed class PitrHistory(IAmazonDynamoDB dynalite, StandInState state, TimeProvider time)
{
    /// <summary>AWS keeps PITR's history 35 days (the longest recovery period); older changes are dropped.</summary>
    public static readonly TimeSpan RecoveryWindow = TimeSpan.FromDays(35);

    /// <summary>At most this many changes kept per table; past it the oldest go and the earliest restorable time moves up.</summary>
    public const int MaxChangesPerTable = 100_000;

    /// <summary>At most about this many bytes of before-images kept per table (64 MiB), with the same effect.</summary>
    public const long MaxBytesPerTable = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, TableHistory> _tables = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt = Truncate(time.GetUtcNow());

    /// <summary>Sends a request to dynalite: operation name and JSON body in, status and body out.</summary>
    public delegate Task<(int Status, string Body)> Send(string operation, string body);

    /// <summary>The stand-in's time to the millisecond, the precision DynamoDB's timestamps carry to clients.</summary>
    public DateTimeOffset Now() => Truncate(time.GetUtcNow());

    /// <summary>PITR turned on at <paramref name="at"/>: history starts afresh (turning it off and on again loses the old window, as in AWS).</summary>
    public void Start(string table, IReadOnlyList<string> keyNames, DateTimeOffset at) => _tables[table] = new TableHistory(keyNames, at);

    /// <summary>PITR turned off, or the table deleted: its history goes.</summary>
    public void Stop(string table) => _tables.TryRemove(table, out _);

    /// <summary>The earliest instant a restore of the table can reach, or null when PITR is off.</summary>
    public async Task<DateTimeOffset?> EarliestAsync(string table, CancellationToken cancellationToken)
    {
        if (!state.PitrEnabledAt.TryGetValue(table, out var enabledAt))
        {
            return null;
        }

        var history = await HistoryOfAsync(table, cancellationToken);
        return Max(Max(Truncate(enabledAt), history!.Earliest), Now() - RecoveryWindow);
    }

    /// <summary>The table's items as they were at <paramref name="at"/>: the table now, every change after <paramref name="at"/> undone.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ItemsAtAsync(string table, DateTimeOffset at, Func<Task<List<Dictionary<string, AttributeValue>>>> readNow, CancellationToken cancellationToken)
    {
        var history = await HistoryOfAsync(table, cancellationToken) ?? throw new InvalidOperationException($"No PITR history for '{table}'");
        List<Dictionary<string, AttributeValue>> items;
        List<ItemChange> later;
        await history.Gate.WaitAsync(cancellationToken);
        try
        {
            items = await readNow();
            later = history.After(at);
        }
        finally
        {
            history.Gate.Release();
        }

        var byKey = items.ToDictionary(i => ItemJson.KeyOf(i, history.KeyNames), StringComparer.Ordinal);
        for (var i = later.Count - 1; i >= 0; i--)
        {
            if (later[i].Before is { } before)
            {
                byKey[later[i].Key] = ItemJson.ToItem(before);
            }
            else
            {
                byKey.Remove(later[i].Key);
            }
        }

        return [.. byKey.Values];
    }

    /// <summary>
    /// Sends an item write to dynalite and records it in the history of each table it touches that has PITR on;
    /// null when it touches none (the caller forwards it untouched).
    /// </summary>
    public async Task<(int Status, string Body)?> WriteAsync(string operation, JsonObject request, Send send, CancellationToken cancellationToken)
    {
        var tables = operation == "BatchWriteItem"
            ? (request["RequestItems"] as JsonObject)?.Select(t => t.Key).ToList() ?? []
            : [request["TableName"]?.GetValue<string>() ?? string.Empty];
        var histories = new SortedDictionary<string, TableHistory>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (await HistoryOfAsync(table, cancellationToken) is { } history)
            {
                histories[table] = history;
            }
        }

        if (histories.Count == 0)
        {
            return null;
        }

        // In name order, so two batches over the same tables cannot wait for each other.
        var held = new List<TableHistory>();
        try
        {
            foreach (var history in histories.Values)
            {
                await history.Gate.WaitAsync(cancellationToken);
                held.Add(history);
            }

            return operation == "BatchWriteItem"
                ? await BatchWriteAsync(request, histories, send)
                : await SingleWriteAsync(operation, request, histories.Single().Value, send);
        }
        finally
        {
            held.ForEach(h => h.Gate.Release());
        }
    }

    private async Task<(int Status, string Body)> SingleWriteAsync(string operation, JsonObject request, TableHistory history, Send send)
    {
        var keyImage = operation == "PutItem" ? request["Item"] as JsonObject : request["Key"] as JsonObject;
        var key = ItemJson.KeyOf(keyImage, history.KeyNames);
        if (key is null)
        {
            return await send(operation, request.ToJsonString());
        }

        var asked = request["ReturnValues"]?.GetValue<string>() ?? "NONE";
        JsonObject? before = null;
        var readFirst = asked is not ("NONE" or "ALL_OLD");
        var sent = (JsonObject)request.DeepClone();
        if (readFirst)
        {
            before = await GetItemAsync(request["TableName"]!.GetValue<string>(), ItemJson.KeyObject(keyImage!, history.KeyNames), send);
        }
        else
        {
            sent["ReturnValues"] = "ALL_OLD";
        }

        var (status, body) = await send(operation, sent.ToJsonString());
        if (status != 200)
        {
            return (status, body);
        }

        var answer = JsonNode.Parse(body)!.AsObject();
        if (!readFirst)
        {
            before = answer["Attributes"]?.DeepClone() as JsonObject;
            if (asked == "NONE")
            {
                answer.Remove("Attributes");
            }
        }

        history.Add(new ItemChange(Now(), key, before), Now() - RecoveryWindow);
        return (status, answer.ToJsonString());
    }

    private async Task<(int Status, string Body)> BatchWriteAsync(JsonObject request, IReadOnlyDictionary<string, TableHistory> histories, Send send)
    {
        var befores = new Dictionary<string, Dictionary<string, JsonObject?>>(StringComparer.Ordinal);
        foreach (var (table, history) in histories)
        {
            var keys = Images(request, table).Select(i => ItemJson.KeyObject(i, history.KeyNames)).ToList();
            befores[table] = await BatchGetAsync(table, keys, history.KeyNames, send);
        }

        var (status, body) = await send("BatchWriteItem", request.ToJsonString());
        if (status != 200)
        {
            return (status, body);
        }

        var answer = JsonNode.Parse(body)!.AsObject();
        var now = Now();
        foreach (var (table, history) in histories)
        {
            var unprocessed = answer["UnprocessedItems"]?[table] is JsonArray left
                ? left.Select(e => ItemJson.KeyOf(Image(e!.AsObject()), history.KeyNames)).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var image in Images(request, table))
            {
                var key = ItemJson.KeyOf(image, history.KeyNames)!;
                if (!unprocessed.Contains(key))
                {
                    history.Add(new ItemChange(now, key, befores[table].GetValueOrDefault(key)), now - RecoveryWindow);
                }
            }
        }

        return (status, body);
    }

    /// <summary>The item (PutRequest) or key (DeleteRequest) of each of a batch's requests for one table.</summary>
    private static IEnumerable<JsonObject> Images(JsonObject request, string table) =>
        request["RequestItems"]![table]!.AsArray().Select(e => Image(e!.AsObject())).OfType<JsonObject>();

    private static JsonObject? Image(JsonObject entry) => entry["PutRequest"]?["Item"] as JsonObject ?? entry["DeleteRequest"]?["Key"] as JsonObject;

    private static async Task<JsonObject?> GetItemAsync(string table, JsonObject key, Send send)
    {
        var (status, body) = await send("GetItem", new JsonObject { ["TableName"] = table, ["Key"] = key, ["ConsistentRead"] = true }.ToJsonString());
        return status == 200 ? JsonNode.Parse(body)!["Item"]?.DeepClone() as JsonObject : throw new DynamoDbError("InternalServerError", $"The stand-in could not read the item before writing it: {body}");
    }

    private static async Task<Dictionary<string, JsonObject?>> BatchGetAsync(string table, List<JsonObject> keys, IReadOnlyList<string> keyNames, Send send)
    {
        var found = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        var distinct = keys.Where(k => ItemJson.KeyOf(k, keyNames) is not null).DistinctBy(k => ItemJson.KeyOf(k, keyNames)).ToList();
        JsonArray pending = [.. distinct];
        while (pending.Count > 0)
        {
            var (status, body) = await send("BatchGetItem", new JsonObject { ["RequestItems"] = new JsonObject { [table] = new JsonObject { ["Keys"] = pending, ["ConsistentRead"] = true } } }.ToJsonString());
            if (status != 200)
            {
                // A batch dynalite refuses to read (bad keys, duplicates) it refuses to write too: nothing to record.
                return found;
            }

            var answer = JsonNode.Parse(body)!;
            foreach (var item in answer["Responses"]?[table]?.AsArray() ?? [])
            {
                found[ItemJson.KeyOf(item!.AsObject(), keyNames)!] = item.DeepClone().AsObject();
            }

            pending = answer["UnprocessedKeys"]?[table]?["Keys"]?.DeepClone() as JsonArray ?? [];
        }

        return found;
    }

    /// <summary>The table's history when PITR is on; a table found on at start (kept on disk) has history from then.</summary>
    private async Task<TableHistory?> HistoryOfAsync(string table, CancellationToken cancellationToken)
    {
        if (!state.PitrEnabledAt.ContainsKey(table))
        {
            return null;
        }

        if (_tables.TryGetValue(table, out var history))
        {
            return history;
        }

        var keyNames = KeyNames((await dynalite.DescribeTableAsync(table, cancellationToken)).Table.KeySchema);
        return _tables.GetOrAdd(table, _ => new TableHistory(keyNames, _startedAt));
    }

    /// <summary>A table's key attributes, partition key first: what the history matches items by.</summary>
    public static IReadOnlyList<string> KeyNames(IEnumerable<KeySchemaElement> keySchema) =>
        keySchema.OrderBy(k => k.KeyType == KeyType.HASH ? 0 : 1).Select(k => k.AttributeName).ToList();

    public static DateTimeOffset Truncate(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
