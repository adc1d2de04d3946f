using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DrillFunctions;

/// <summary>
/// Reads a task's input, runs its step and writes its output. Exceptions are not caught: the
/// runtime reports the exception's type name, which is the error name the state machine matches.
/// </summary>
internal static class TaskJson
{
    /// <summary>Lambda's hard limit is 15 minutes; stop a little before it so the error is ours, not a timeout.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(14);

    public static async Task<Stream> RunAsync<TIn, TOut>(
        Stream input,
        JsonTypeInfo<TIn> inputType,
        JsonTypeInfo<TOut> outputType,
        Func<TIn, CancellationToken, Task<TOut>> step)
    {
        using var budget = new CancellationTokenSource(Budget);
        var request = await JsonSerializer.DeserializeAsync(input, inputType, budget.Token)
            ?? throw new ArgumentException($"The task input was empty; expected a JSON {typeof(TIn).Name}.", nameof(input));
        var result = await step(request, budget.Token);
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, result, outputType, budget.Token);
        output.Position = 0;
        return output;
    }
}
