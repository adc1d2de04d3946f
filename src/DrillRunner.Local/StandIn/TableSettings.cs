using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace DrillRunner.Local.StandIn;

/// <summary>What one table has set beyond its data, kept by the stand-in (dynalite ignores streams and keeps no TTL).</summary>
internal sealed record StandInTableSettings
{
    public string? TtlAttribute { get; init; }

    public string? StreamViewType { get; init; }

    public bool DeletionProtection { get; init; }
}

/// <summary>
/// TTL (UpdateTimeToLive, DescribeTimeToLive), streams and deletion protection (UpdateTable): kept
/// here and laid over DescribeTable's answer, in the API's shapes. A restored table starts with
/// none of them, as DynamoDB documents.
/// </summary>
internal sealed class TableSettings(IAmazonDynamoDB dynalite, StandInState state)
{
    private readonly ConcurrentDictionary<string, StandInTableSettings> _settings = state.TableSettings;

    public async Task<JsonObject> UpdateTimeToLiveAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var table = await ExistingAsync(request, cancellationToken);
        var specification = request["TimeToLiveSpecification"] as JsonObject ?? throw new DynamoDbError("ValidationException", "TimeToLiveSpecification is required");
        var enabled = specification["Enabled"]?.GetValue<bool>() ?? false;
        var attribute = specification["AttributeName"]?.GetValue<string>() ?? throw new DynamoDbError("ValidationException", "TimeToLiveSpecification.AttributeName is required");
        _settings.AddOrUpdate(table, _ => new StandInTableSettings { TtlAttribute = enabled ? attribute : null }, (_, s) => s with { TtlAttribute = enabled ? attribute : null });
        state.Save();
        return new JsonObject { ["TimeToLiveSpecification"] = specification.DeepClone() };
    }

    public async Task<JsonObject> DescribeTimeToLiveAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var table = await ExistingAsync(request, cancellationToken);
        var description = _settings.TryGetValue(table, out var s) && s.TtlAttribute is { } attribute
            ? new JsonObject { ["TimeToLiveStatus"] = "ENABLED", ["AttributeName"] = attribute }
            : new JsonObject { ["TimeToLiveStatus"] = "DISABLED" };
        return new JsonObject { ["TimeToLiveDescription"] = description };
    }

    /// <summary>Keeps the stream and deletion protection an UpdateTable sets (answered here: other changes in the same request are not applied locally); null for any other UpdateTable, which dynalite answers.</summary>
    public async Task<JsonObject?> UpdateTableAsync(JsonObject request, CancellationToken cancellationToken)
    {
        if (request["StreamSpecification"] is null && request["DeletionProtectionEnabled"] is null)
        {
            return null;
        }

        var table = await ExistingAsync(request, cancellationToken);
        var stream = request["StreamSpecification"] as JsonObject;
        var protection = request["DeletionProtectionEnabled"]?.GetValue<bool>();
        _settings.AddOrUpdate(
            table,
            _ => Apply(new StandInTableSettings(), stream, protection),
            (_, s) => Apply(s, stream, protection));
        state.Save();
        var description = new JsonObject { ["TableDescription"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new { TableName = table }))! };
        Overlay(description["TableDescription"]!.AsObject(), table);
        return description;
    }

    public void Overlay(JsonObject describeTableResponse)
    {
        if (describeTableResponse["Table"] is JsonObject table && table["TableName"]?.GetValue<string>() is { } name)
        {
            Overlay(table, name);
        }
    }

    public void Forget(string table)
    {
        if (_settings.TryRemove(table, out _))
        {
            state.Save();
        }
    }

    private void Overlay(JsonObject table, string name)
    {
        if (!_settings.TryGetValue(name, out var settings))
        {
            return;
        }

        if (settings.StreamViewType is { } view)
        {
            table["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = view };
            table["LatestStreamLabel"] = "2026-01-01T00:00:00.000";
            table["LatestStreamArn"] = $"arn:aws:dynamodb:us-east-1:000000000000:table/{name}/stream/2026-01-01T00:00:00.000";
        }

        if (settings.DeletionProtection)
        {
            table["DeletionProtectionEnabled"] = true;
        }
    }

    private static StandInTableSettings Apply(StandInTableSettings settings, JsonObject? stream, bool? protection) => settings with
    {
        StreamViewType = stream is null ? settings.StreamViewType : stream["StreamEnabled"]?.GetValue<bool>() == true ? stream["StreamViewType"]?.GetValue<string>() : null,
        DeletionProtection = protection ?? settings.DeletionProtection,
    };

    private async Task<string> ExistingAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var table = request["TableName"]?.GetValue<string>() ?? throw new DynamoDbError("ValidationException", "TableName is required");
        try
        {
            await dynalite.DescribeTableAsync(table, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            throw new DynamoDbError("ResourceNotFoundException", $"Requested resource not found: Table: {table} not found");
        }

        return table;
    }
}
