namespace DrillFunctions;

/// <summary>
/// A multi-step function was asked for a step it does not have: the state machine and the function
/// disagree, which no retry mends. Its type name is the error name the state machine sees.
/// </summary>
public sealed class UnknownStep(string function, string field, string? step, IEnumerable<string> steps)
    : Exception(step is null
        ? $"{function} needs \"{field}\" naming its step: one of {string.Join(", ", steps.Select(s => $"\"{s}\""))}."
        : $"{function} has no step \"{step}\" (\"{field}\"): use one of {string.Join(", ", steps.Select(s => $"\"{s}\""))}.")
{
    /// <summary>The step asked for; null when the input named none.</summary>
    public string? Step { get; } = step;
}
