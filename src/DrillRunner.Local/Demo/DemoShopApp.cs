using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Local.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Local.Demo;

/// <summary>
/// A tiny stand-in for the team's application: its health endpoint reads the orders table it is
/// pointed at (the restored scratch table during a drill) and answers 200 only if a known order is there.
/// </summary>
public sealed class DemoShopApp : IAsyncDisposable
{
    private readonly LoopbackWebApp _app;

    private DemoShopApp(LoopbackWebApp app) => _app = app;

    public Uri Url => _app.Url;

    /// <param name="port">0 for any free port; local mode keeps one port across commands so the stored plan's URL stays true.</param>
    public static async Task<DemoShopApp> StartAsync(IAmazonDynamoDB dynamoDb, CancellationToken cancellationToken, int port = 0)
    {
        return new DemoShopApp(await LoopbackWebApp.StartAsync(app => app.MapGet("/orders/health", async (string table, CancellationToken ct) =>
        {
            try
            {
                var order = await dynamoDb.GetItemAsync(
                    new GetItemRequest { TableName = table, Key = new() { ["pk"] = new AttributeValue { S = DemoData.SentinelOrder } } },
                    ct);
                return order.Item is { Count: > 0 }
                    ? Results.Text($"ok: order {DemoData.SentinelOrder} found in {table}")
                    : Results.Text($"order {DemoData.SentinelOrder} missing from {table}", statusCode: 503);
            }
            catch (AmazonDynamoDBException ex)
            {
                return Results.Text($"cannot read {table}: {ex.Message}", statusCode: 503);
            }
        }), cancellationToken, port));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
