using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillFunctions;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Local.Workflow;

/// <summary>
/// The C# handlers behind a loopback endpoint shaped like Lambda's Invoke API. An exception
/// becomes X-Amz-Function-Error with errorType = the exception's short type name, as the
/// managed runtime reports it. SNS publications are kept for the caller to show; AWS SDK
/// integration calls go to the local AWS world; user verifier Lambdas are registered by tests.
/// </summary>
public sealed class LocalLambdaHost : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IDrillFunction> _functions;
    private readonly ConcurrentQueue<JsonObject> _published = new();
    private readonly ConcurrentQueue<string> _invocations = new();
    private readonly LocalAwsWorld _world;
    private readonly ConcurrentDictionary<string, FunctionMeasure> _measures = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1);

    private LoopbackWebApp _app = null!;

    private LocalLambdaHost(DrillServices services, LocalAwsWorld world)
    {
        _world = world;
        _functions = new ConcurrentDictionary<string, IDrillFunction>(DrillFunctionCatalog.Functions.ToDictionary(f => f.Key, f => f.Value(services), StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public Uri Url => _app.Url;

    /// <summary>What the state machine published to SNS, in order.</summary>
    public IReadOnlyCollection<JsonObject> Published => _published;

    /// <summary>
    /// Lambda runs a function at least once: when set, the drill's own functions are invoked twice
    /// with the same payload (as after a timeout whose first attempt had in fact succeeded), and the
    /// second answer is the one the state machine sees.
    /// </summary>
    public bool DeliverTwice { get; set; }

    /// <summary>
    /// For the benchmark: invocations run one at a time, and each one's allocations (process-wide, so
    /// the local stand-ins serving its calls count too: an upper bound) and duration are kept by function.
    /// </summary>
    public bool MeasureOneAtATime { get; set; }

    /// <summary>What <see cref="MeasureOneAtATime"/> measured, by function name.</summary>
    public IReadOnlyDictionary<string, FunctionMeasure> Measures => _measures;

    /// <summary>Called with a function's name as each invocation arrives, before the function runs (the benchmark marks where one function's calls end).</summary>
    public Action<string>? Invoking { get; set; }

    /// <summary>The functions invoked, in order.</summary>
    public IReadOnlyCollection<string> Invocations => _invocations;

    /// <summary>
    /// A user's verifier Lambda, by the name or ARN a plan gives it: it gets the invocation payload
    /// and answers (or throws, which reaches the state machine as a function error).
    /// </summary>
    public void AddVerifier(string functionName, Func<JsonObject, JsonNode> verifier) => _functions[functionName] = new JsonFunction(verifier);

    /// <summary>A function outside the drill's catalog (the janitor, which needs the scratch prefix).</summary>
    public void AddFunction(string name, IDrillFunction function) => _functions[name] = function;

    public static async Task<LocalLambdaHost> StartAsync(DrillServices services, LocalAwsWorld world, CancellationToken cancellationToken)
    {
        var host = new LocalLambdaHost(services, world);
        host._app = await LoopbackWebApp.StartAsync(
            app =>
            {
                app.MapPost("/2015-03-31/functions/{name}/invocations", host.InvokeAsync);
                app.MapPost("/local/sns/publish", host.PublishAsync);
                app.MapPost("/local/aws-sdk/{service}/{action}", host.CallAwsAsync);
            },
            cancellationToken);
        return host;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

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
        Invoking?.Invoke(name);
        var payload = new MemoryStream();
        await context.Request.Body.CopyToAsync(payload, context.RequestAborted);
        payload.Position = 0;
        if (DeliverTwice && DrillFunctionCatalog.Functions.ContainsKey(name))
        {
            try
            {
                await using var first = await function.Handle(new MemoryStream(payload.ToArray()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The first delivery's failure is not what the state machine sees; its effects are what the second must tolerate.
            }
        }

        var measuring = MeasureOneAtATime;
        if (measuring)
        {
            await _oneAtATime.WaitAsync(context.RequestAborted);
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await using var output = await function.Handle(payload);
            if (measuring)
            {
                _measures.AddOrUpdate(
                    name,
                    _ => new FunctionMeasure(1, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, System.Diagnostics.Stopwatch.GetElapsedTime(started)),
                    (_, m) => m.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                _oneAtATime.Release();
                measuring = false;
            }

            await output.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (Exception ex)
        {
            if (measuring)
            {
                _oneAtATime.Release();
            }

            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["errorType"] = ex.GetType().Name, ["errorMessage"] = ex.Message }));
        }
    }

    private async Task CallAwsAsync(HttpContext context, string service, string action)
    {
        var input = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        context.Response.ContentType = "application/json";
        try
        {
            var output = await _world.CallAsync(service, action, input, context.RequestAborted);
            await context.Response.WriteAsync(output.ToJsonString());
        }
        catch (LocalAwsError error)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(new JsonObject { ["Error"] = error.Name, ["Cause"] = error.Message }.ToJsonString());
        }
    }

    private async Task PublishAsync(HttpContext context)
    {
        var message = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        _published.Enqueue(message);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["MessageId"] = $"local-{_published.Count}" }.ToJsonString());
    }

    /// <summary>A user's Lambda written as JSON in, JSON out; invoked like the drill's own functions.</summary>
    private sealed class JsonFunction(Func<JsonObject, JsonNode> handle) : IDrillFunction
    {
        public async Task<Stream> Handle(Stream input)
        {
            var request = (await JsonNode.ParseAsync(input))!.AsObject();
            return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(handle(request).ToJsonString()));
        }
    }
}

/// <summary>One function's invocations measured one at a time: how many, the most any allocated, and their total duration.</summary>
public sealed record FunctionMeasure(int Invocations, long MostAllocatedBytes, TimeSpan Total)
{
    public TimeSpan Mean => Total / Math.Max(1, Invocations);

    public FunctionMeasure Add(long allocated, TimeSpan took) => new(Invocations + 1, Math.Max(MostAllocatedBytes, allocated), Total + took);
}
