using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace DrillFunctions;

/// <summary>
/// Reads a task's input, runs its step and writes its output, logging one structured JSON line per
/// task with the run id as the correlation id. Exceptions are logged and rethrown, never swallowed:
/// the runtime reports the exception's type name, which is the error name the state machine matches.
/// </summary>
internal static class TaskJson
{
    /// <summary>Lambda's hard limit is 15 minutes; stop a little before it so the error is ours, not a timeout.</summary>
    private static readonly TimeSpan Budget = DrillRunner.Core.LambdaLimits.TaskBudget;

    public static async Task<Stream> RunAsync<TIn, TOut>(
        Stream input,
        JsonTypeInfo<TIn> inputType,
        JsonTypeInfo<TOut> outputType,
        Func<TIn, CancellationToken, Task<TOut>> step,
        TextWriter log,
        string task,
        TIn? whenEmpty = default)
    {
        using var budget = new CancellationTokenSource(Budget);
        var started = Stopwatch.GetTimestamp();
        // Lambda's input stream cannot tell its length; one a caller already read into memory can.
        var readable = input.CanSeek ? input : await BufferAsync(input, budget.Token);
        var request = (readable.Length == readable.Position ? whenEmpty : await JsonSerializer.DeserializeAsync(readable, inputType, budget.Token))
            ?? throw new ArgumentException($"The task input was empty; expected a JSON {typeof(TIn).Name}.", nameof(input));
        var runId = JsonSerializer.SerializeToNode(request, inputType) is JsonObject fields && fields["runId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        try
        {
            var result = await step(request, budget.Token);
            runId ??= JsonSerializer.SerializeToNode(result, outputType) is JsonObject answer && answer["runId"] is JsonValue answerId && answerId.TryGetValue<string>(out var answered) ? answered : null;
            Log(log, "info", task, runId, started, null);
            var output = new MemoryStream();
            await JsonSerializer.SerializeAsync(output, result, outputType, budget.Token);
            output.Position = 0;
            return output;
        }
        catch (Exception ex)
        {
            Log(log, "error", task, runId, started, ex);
            throw;
        }
    }

    private static async Task<Stream> BufferAsync(Stream input, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        await input.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        return buffered;
    }

    private static void Log(TextWriter log, string level, string task, string? runId, long started, Exception? error)
    {
        var line = new JsonObject
        {
            ["level"] = level,
            ["task"] = task,
            ["runId"] = runId,
            ["durationMs"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
        };
        if (error is not null)
        {
            line["errorType"] = error.GetType().Name;
            line["message"] = error.Message;
        }

        log.WriteLine(line.ToJsonString());
    }
}
