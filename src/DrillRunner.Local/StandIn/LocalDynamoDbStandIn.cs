using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using DrillRunner.Local.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Local.StandIn;

/// <summary>
/// A DynamoDB endpoint on 127.0.0.1 for tests and the demo: data-plane calls go to dynalite;
/// backups, PITR, restores and tags are answered here. Production code reaches it through the
/// real AWSSDK client, only the endpoint differs. Never a production path.
/// </summary>
public sealed class LocalDynamoDbStandIn : IAsyncDisposable
{
    private const string JsonContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "DynamoDB_20120810";
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "Authorization", "X-Amz-Date", "X-Amz-Security-Token"];

    private readonly HttpClient _forwarder = new();
    private readonly Uri _dynaliteUrl;
    private readonly BackupOperations _backups;
    private readonly TagOperations _tags;
    private readonly TableSettings _settings;
    private readonly StandInState _state;
    private readonly PitrHistory _history;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _restored = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    private readonly IAmazonDynamoDB _dynalite;
    private readonly Func<string?> _dynaliteProblem;
    private LoopbackWebApp _app = null!;

    private LocalDynamoDbStandIn(Uri dynaliteUrl, StandInState state, TimeProvider time, Func<string?> dynaliteProblem)
    {
        _dynaliteUrl = dynaliteUrl;
        _dynaliteProblem = dynaliteProblem;
        _state = state;
        Faults = new StandInFaults(state);
        var dynalite = LocalClients.DynamoDb(dynaliteUrl);
        _dynalite = dynalite;
        Modelled = new Scale.ModelledTables(time);
        _history = new PitrHistory(dynalite, state, time);
        _backups = new BackupOperations(dynalite, Faults, state, time, Modelled, _history);
        _tags = new TagOperations(dynalite, state);
        _settings = new TableSettings(dynalite, state);
    }

    public Uri Url => _app.Url;

    public StandInFaults Faults { get; }

    /// <summary>Tables of modelled size for scale runs (in memory only).</summary>
    public Scale.ModelledTables Modelled { get; }

    /// <summary>A table of modelled size and item count: empty in dynalite, keyed by pk, with PITR on.</summary>
    public async Task CreateModelledTableAsync(string name, long sizeBytes, long itemCount, CancellationToken cancellationToken)
    {
        await TableWaits.CreateKeyedTableAsync(_dynalite, name, cancellationToken);
        Modelled.Model(name, sizeBytes, itemCount);
        await _backups.UpdateContinuousBackupsAsync(new JsonObject { ["TableName"] = name, ["PointInTimeRecoverySpecification"] = new JsonObject { ["PointInTimeRecoveryEnabled"] = true } }, cancellationToken);
    }

    /// <param name="statePath">A JSON file to keep backups, PITR, tags and faults in between commands; null keeps them in memory.</param>
    /// <param name="dynaliteProblem">Why dynalite stopped serving, if it did: answered to clients instead of a bare connection error.</param>
    public static async Task<LocalDynamoDbStandIn> StartAsync(Uri dynaliteUrl, TimeProvider time, CancellationToken cancellationToken, string? statePath = null, Func<string?>? dynaliteProblem = null)
    {
        var standIn = new LocalDynamoDbStandIn(dynaliteUrl, StandInState.Load(statePath), time, dynaliteProblem ?? (() => null));
        standIn._app = await LoopbackWebApp.StartAsync(app => app.MapPost("/", standIn.HandleAsync), cancellationToken);
        return standIn;
    }

    /// <summary>How many write calls (items, table settings, tags, restores into it) each table has received.</summary>
    public IReadOnlyDictionary<string, int> WritesByTable => _writes;

    /// <summary>Tables a restore was asked to create (scratch, never a source, whatever their tags say yet), with how many times it was asked.</summary>
    public IReadOnlyDictionary<string, int> RestoredTables => _restored;

    /// <summary>How many calls of <paramref name="operation"/> (e.g. DescribeContinuousBackups) the stand-in has received, answered or not.</summary>
    public int CallsOf(string operation) => _calls.GetValueOrDefault(operation);

    /// <summary>The tags the stand-in keeps for a table (dynalite's own are never read).</summary>
    public IReadOnlyDictionary<string, string> TagsOf(string table) =>
        _state.Tags.TryGetValue(table, out var tags) ? tags : new Dictionary<string, string>();

    /// <summary>An AWSSDK client pointed at the stand-in.</summary>
    public IAmazonDynamoDB CreateClient() => LocalClients.DynamoDb(Url);

    /// <summary>Makes a backup of the given type: USER, AWS_BACKUP (a DynamoDB backup AWS Backup made), or AWS_BACKUP_VAULT (a recovery point of AWS Backup's advanced features, with a Backup ARN).</summary>
    public Task CreateBackupAsync(string tableName, string backupType, CancellationToken cancellationToken) =>
        _backups.CreateBackupAsync(new JsonObject { ["TableName"] = tableName, ["BackupName"] = $"{tableName}-{backupType.ToLowerInvariant()}" }, cancellationToken, backupType);

    /// <summary>Dates a backup as made at <paramref name="createdAt"/> (the demo's story: a nightly backup made hours ago), and keeps that.</summary>
    public void Backdate(string backupArn, DateTimeOffset createdAt)
    {
        _state.Backups[backupArn] = _state.Backups[backupArn] with { CreatedAt = createdAt };
        _state.Save();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _forwarder.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var operation = context.Request.Headers["X-Amz-Target"].ToString().Split('.').LastOrDefault() ?? string.Empty;
        _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        try
        {
            if (Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Faults.Latency, context.RequestAborted);
            }

            if (Faults.TakeFailure(operation) is { } injected)
            {
                throw new DynamoDbError(injected, $"{injected} on {operation}, injected by the stand-in.");
            }

            var request = string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body)!.AsObject();
            CountWrites(operation, request);
            var ct = context.RequestAborted;
            JsonObject? answer = operation switch
            {
                "CreateBackup" => await _backups.CreateBackupAsync(request, ct),
                "ListBackups" => _backups.ListBackups(request),
                "UpdateContinuousBackups" => await _backups.UpdateContinuousBackupsAsync(request, ct),
                "DescribeContinuousBackups" => await _backups.DescribeContinuousBackupsAsync(request, ct),
                "RestoreTableToPointInTime" => await _backups.RestoreToPointInTimeAsync(request, ct),
                "RestoreTableFromBackup" => await _backups.RestoreFromBackupAsync(request, ct),
                "TagResource" => await _tags.TagAsync(request, ct),
                "UntagResource" => await _tags.UntagAsync(request, ct),
                "ListTagsOfResource" => await _tags.ListAsync(request, ct),
                "UpdateTimeToLive" => await _settings.UpdateTimeToLiveAsync(request, ct),
                "DescribeTimeToLive" => await _settings.DescribeTimeToLiveAsync(request, ct),
                "UpdateTable" => await _settings.UpdateTableAsync(request, ct),
                "DescribeTable" => await DescribeTableAsync(context, body),
                "Scan" => await Modelled.ScanAsync(request, ct),
                "DeleteTable" => await DeleteTableAsync(context, request, body),
                "ListTables" => await ListTablesAsync(context, body),
                "PutItem" or "UpdateItem" or "DeleteItem" or "BatchWriteItem" => await WriteItemsAsync(context, operation, request, body),
                _ => null,
            };
            if (answer is not null)
            {
                await WriteAsync(context, 200, answer);
            }
            else if (!context.Response.HasStarted)
            {
                await ForwardAsync(context, body);
            }
        }
        catch (DynamoDbError error)
        {
            await WriteAsync(context, 400, error.Body());
        }
    }

    /// <summary>Counts every call that could change a table, by the table it names, so tests can prove no source was written.</summary>
    private void CountWrites(string operation, JsonObject request)
    {
        IEnumerable<string> tables = operation switch
        {
            "PutItem" or "UpdateItem" or "DeleteItem" or "DeleteTable" or "UpdateTable" or "UpdateContinuousBackups" or "UpdateTimeToLive" or "CreateBackup" =>
                [request["TableName"]?.GetValue<string>() ?? string.Empty],
            "BatchWriteItem" => request["RequestItems"]?.AsObject().Select(i => i.Key) ?? [],
            "TransactWriteItems" => request["TransactItems"]?.AsArray().SelectMany(i => i!.AsObject().Select(op => op.Value?["TableName"]?.GetValue<string>() ?? string.Empty)) ?? [],
            "TagResource" or "UntagResource" => [request["ResourceArn"]?.GetValue<string>()?.Split(":table/").LastOrDefault() ?? string.Empty],
            "RestoreTableToPointInTime" or "RestoreTableFromBackup" => [request["TargetTableName"]?.GetValue<string>() ?? string.Empty],
            _ => [],
        };
        foreach (var table in tables)
        {
            _writes.AddOrUpdate(table, 1, (_, n) => n + 1);
        }

        if (operation is "RestoreTableToPointInTime" or "RestoreTableFromBackup" && request["TargetTableName"]?.GetValue<string>() is { } target)
        {
            _restored.AddOrUpdate(target, 1, (_, n) => n + 1);
        }
    }

    private async Task<JsonObject?> DescribeTableAsync(HttpContext context, string body)
    {
        var (status, responseBody) = await SendToDynaliteAsync(context, body);
        if (status != 200)
        {
            await WriteRawAsync(context, status, responseBody);
            return null;
        }

        var answer = JsonNode.Parse(responseBody)!.AsObject();
        _backups.Overlay(answer);
        Modelled.Overlay(answer);
        _settings.Overlay(answer);
        return answer;
    }

    /// <summary>ListTables without the stand-in's hidden backup tables.</summary>
    private async Task<JsonObject?> ListTablesAsync(HttpContext context, string body)
    {
        var (status, responseBody) = await SendToDynaliteAsync(context, body);
        if (status != 200)
        {
            await WriteRawAsync(context, status, responseBody);
            return null;
        }

        var answer = JsonNode.Parse(responseBody)!.AsObject();
        var visible = answer["TableNames"]!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !n.StartsWith(BackupOperations.CopyTablePrefix, StringComparison.Ordinal));
        answer["TableNames"] = new JsonArray(visible.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray());
        return answer;
    }

    private async Task<JsonObject?> DeleteTableAsync(HttpContext context, JsonObject request, string body)
    {
        var table = request["TableName"]?.GetValue<string>() ?? string.Empty;
        _backups.ThrowIfRestoring(table);
        var systemBackup = await SystemBackupAsync(table, context.RequestAborted);
        var (status, responseBody) = await SendToDynaliteAsync(context, body);
        if (status != 200 && systemBackup is not null)
        {
            _backups.Discard(systemBackup);
        }

        if (status == 200)
        {
            _backups.Forget(table);
            Modelled.Forget(table);
            _tags.Forget(table);
            _settings.Forget(table);
        }

        await WriteRawAsync(context, status, responseBody);
        return null;
    }

    /// <summary>The system backup of a table with PITR on, made before it is deleted; null when PITR is off or the table does not exist (dynalite then answers the delete).</summary>
    private async Task<string?> SystemBackupAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            return await _backups.KeepSystemBackupBeforeDeleteAsync(table, cancellationToken);
        }
        catch (DynamoDbError)
        {
            return null;
        }
    }

    /// <summary>An item write: recorded in the PITR history of the tables it touches that have PITR on, else forwarded as it came.</summary>
    private async Task<JsonObject?> WriteItemsAsync(HttpContext context, string operation, JsonObject request, string body)
    {
        var recorded = await _history.WriteAsync(operation, request, (op, b) => SendToDynaliteAsync(context, b, op), context.RequestAborted);
        var (status, responseBody) = recorded ?? await SendToDynaliteAsync(context, body);
        await WriteRawAsync(context, status, responseBody);
        return null;
    }

    private async Task ForwardAsync(HttpContext context, string body)
    {
        var (status, responseBody) = await SendToDynaliteAsync(context, body);
        await WriteRawAsync(context, status, responseBody);
    }

    /// <param name="operation">Another operation than the client's (the history's reads before a write); dynalite checks no signature.</param>
    private async Task<(int Status, string Body)> SendToDynaliteAsync(HttpContext context, string body, string? operation = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _dynaliteUrl) { Content = new StringContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);
        foreach (var header in ForwardedHeaders)
        {
            if (context.Request.Headers.TryGetValue(header, out var value))
            {
                message.Headers.TryAddWithoutValidation(header, value.ToString());
            }
        }

        if (operation is not null)
        {
            message.Headers.Remove("X-Amz-Target");
            message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{TargetPrefix}.{operation}");
        }

        try
        {
            using var response = await _forwarder.SendAsync(message, context.RequestAborted);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(context.RequestAborted));
        }
        catch (HttpRequestException ex) when (_dynaliteProblem() is { } problem)
        {
            throw new DynamoDbError("InternalServerError", problem, ex);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, JsonObject body) => WriteRawAsync(context, status, body.ToJsonString());

    // Bodies are rewritten here, so dynalite's x-amz-crc32 is never passed on: the SDK checks it only when present.
    private static async Task WriteRawAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
