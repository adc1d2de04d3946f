using System.Text.Json.Nodes;

namespace DrillRunner.Workflow.Asl;

/// <summary>One Retry entry of a Task state.</summary>
public sealed record Retrier(IReadOnlyList<string> Errors, int IntervalSeconds, int MaxAttempts, double BackoffRate, int? MaxDelaySeconds = null, bool FullJitter = true)
{
    /// <summary>
    /// The standard Lambda retry block (AWS's recommended one): the Lambda service's transient
    /// errors, never the function's own typed errors, which the Catch records.
    /// </summary>
    public static Retrier LambdaService { get; } = new(["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"], 2, 6, 2);

    /// <summary>
    /// An aws-sdk integration's errors: the v2 API models carry no exception shapes to match by name,
    /// so transient and permanent errors alike arrive as States.TaskFailed and are retried a few times.
    /// </summary>
    public static Retrier SdkCall { get; } = new(["States.TaskFailed"], 5, 3, 2);

    /// <summary>A notification: a few quick tries, then the machine goes on without it.</summary>
    public static Retrier Notification { get; } = new(["States.TaskFailed"], 2, 3, 2, FullJitter: false);

    /// <summary>Deletes of databases, volumes and file systems: AWS refuses them while the resource is still busy (e.g. backing-up) for minutes.</summary>
    public static Retrier BusyDeletion { get; } = new(["States.TaskFailed"], 30, 8, 1.5, 300);

    /// <summary>A retrier for one of the functions' own typed errors, named by its exception type.</summary>
    public static Retrier For<TException>(int intervalSeconds, int maxAttempts, double backoffRate, int? maxDelaySeconds = null, bool fullJitter = true)
        where TException : Exception => new([typeof(TException).Name], intervalSeconds, maxAttempts, backoffRate, maxDelaySeconds, fullJitter);

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["ErrorEquals"] = new JsonArray([.. Errors.Select(e => (JsonNode)JsonValue.Create(e))]),
            ["IntervalSeconds"] = IntervalSeconds,
            ["MaxAttempts"] = MaxAttempts,
            ["BackoffRate"] = BackoffRate,
        };
        if (MaxDelaySeconds is { } maxDelay)
        {
            json["MaxDelaySeconds"] = maxDelay;
        }

        if (FullJitter)
        {
            json["JitterStrategy"] = "FULL";
        }

        return json;
    }
}
