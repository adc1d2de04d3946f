using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>
/// What a Lambda task state does, member by member (the standard Lambda retry and the scope's Catch
/// are added by <see cref="StateScope.LambdaTask"/>): the function, what it is given, where its answer
/// goes and where the machine goes next.
/// </summary>
public sealed record LambdaInvoke
{
    public required LambdaFunction Function { get; init; }

    /// <summary>A path ("$": the whole state, the default) or an object of fixed values and paths.</summary>
    public JsonNode Payload { get; init; } = "$";

    /// <summary>Where the answer goes; by default it becomes the state.</summary>
    public TaskResult Result { get; init; } = TaskResult.Payload;

    public required StateName Next { get; init; }

    /// <summary>Retries of the function's own typed errors, tried before the standard Lambda retry.</summary>
    public IReadOnlyList<Retrier> Retries { get; init; } = [];

    /// <summary>A Catch of its own instead of the scope's failure path.</summary>
    public Catcher? OnError { get; init; }
}
