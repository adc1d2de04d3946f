using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DrillFunctions;

/// <summary>
/// One Lambda function, several steps: the input's <c>field</c> ("step" or "mode") names the step,
/// and each step reads and writes its own records through <see cref="TaskJson"/>. A step the
/// router does not have is an <see cref="UnknownStep"/>, never a default.
/// </summary>
/// <param name="function">The function's name, for the log lines and the error.</param>
/// <param name="field">The input's field that names the step.</param>
/// <param name="log">Where the task lines go.</param>
/// <param name="logByStep">Log each task under its step's name instead of the function's.</param>
internal sealed class StepRouter(string function, string field, TextWriter log, bool logByStep = false)
{
    /// <summary>The step of an input without the field (or an empty input), when a function has one.</summary>
    private const string Unnamed = "";

    private readonly Dictionary<string, Func<Stream, Task<Stream>>> _steps = new(StringComparer.Ordinal);

    /// <summary>The step names the state machine may pass.</summary>
    public IEnumerable<string> Steps => _steps.Keys.Where(s => s != Unnamed);

    /// <summary>Routes <paramref name="step"/> to <paramref name="run"/>.</summary>
    public StepRouter On<TIn, TOut>(string step, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, CancellationToken, Task<TOut>> run, TIn? whenEmpty = default)
    {
        _steps.Add(step, stream => TaskJson.RunAsync(stream, input, output, run, log, logByStep ? step : function, whenEmpty));
        return this;
    }

    /// <summary>Routes an input that names no step (or is empty) to <paramref name="run"/>.</summary>
    public StepRouter OnUnnamed<TIn, TOut>(JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, CancellationToken, Task<TOut>> run, TIn? whenEmpty = default) =>
        On(Unnamed, input, output, run, whenEmpty);

    public async Task<Stream> RouteAsync(Stream input)
    {
        var buffered = new MemoryStream();
        await input.CopyToAsync(buffered);
        var step = StepOf(buffered.GetBuffer().AsSpan(0, (int)buffered.Length));
        buffered.Position = 0;
        return _steps.TryGetValue(step ?? Unnamed, out var run)
            ? await run(buffered)
            : throw new UnknownStep(function, field, step, Steps);
    }

    private string? StepOf(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(payload);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(field, out var named) && named.ValueKind == JsonValueKind.String
            ? named.GetString()
            : null;
    }
}
