using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillFunctions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Local.Workflow;

/// <summary>
/// The C# handlers behind a loopback endpoint shaped like Lambda's Invoke API. An exception
/// becomes X-Amz-Function-Error with errorType = the exception's short type name, as the
/// managed runtime reports it. SNS publications are kept for the caller to show.
/// </summary>
public sealed class LocalLambdaHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, IDrillFunction> _functions;
    private readonly ConcurrentQueue<JsonObject> _published = new();
    private readonly ConcurrentQueue<string> _invocations = new();

    private LocalLambdaHost(WebApplication app, DrillServices services)
    {
        _app = app;
        _functions = DrillFunctionCatalog.Functions.ToDictionary(f => f.Key, f => f.Value(services), StringComparer.Ordinal);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>What the state machine published to SNS, in order.</summary>
    public IReadOnlyCollection<JsonObject> Published => _published;

    /// <summary>The functions invoked, in order.</summary>
    public IReadOnlyCollection<string> Invocations => _invocations;

    public static async Task<LocalLambdaHost> StartAsync(DrillServices services, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new LocalLambdaHost(app, services);
        app.MapPost("/2015-03-31/functions/{name}/invocations", host.InvokeAsync);
        app.MapPost("/local/sns/publish", host.PublishAsync);
        await app.StartAsync(cancellationToken);
        host.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task InvokeAsync(HttpContext context, string name)
    {
        context.Response.ContentType = "application/json";
        if (!_functions.TryGetValue(name, out var function))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["errorType"] = "ResourceNotFoundException", ["errorMessage"] = $"Function not found: {name}" }));
            return;
        }

        _invocations.Enqueue(name);
        var payload = new MemoryStream();
        await context.Request.Body.CopyToAsync(payload, context.RequestAborted);
        payload.Position = 0;
        try
        {
            await using var output = await function.Handle(payload);
            await output.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (Exception ex)
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["errorType"] = ex.GetType().Name, ["errorMessage"] = ex.Message }));
        }
    }

    private async Task PublishAsync(HttpContext context)
    {
        var message = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        _published.Enqueue(message);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["MessageId"] = $"local-{_published.Count}" }.ToJsonString());
    }
}
