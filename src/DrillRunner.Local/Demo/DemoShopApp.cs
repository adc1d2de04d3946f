using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Local.Demo;

/// <summary>
/// A tiny stand-in for the team's application: its health endpoint reads the orders table it is
/// pointed at (the restored scratch table during a drill) and answers 200 only if a known order is there.
/// </summary>
public sealed class DemoShopApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoShopApp(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<DemoShopApp> StartAsync(IAmazonDynamoDB dynamoDb, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/orders/health", async (string table, CancellationToken ct) =>
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
        });
        var shop = new DemoShopApp(app);
        await app.StartAsync(cancellationToken);
        shop.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return shop;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
