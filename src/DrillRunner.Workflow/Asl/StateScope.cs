using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Workflow.Asl;

/// <summary>
/// The states of one scope (a machine, or a Map's item processor), in the order they are added,
/// the first being StartAt. Every Task and Map gets the scope's failure path as its Catch unless it
/// names its own, and every Lambda task the standard Lambda retry block.
/// </summary>
public sealed class StateScope(Catcher failurePath)
{
    /// <summary>The longest a Lambda invocation may run (Lambda's own ceiling); a task waits no longer.</summary>
    public const int LambdaTimeoutSeconds = Core.LambdaLimits.TimeoutSeconds;

    /// <summary>The optimized Lambda integration every Lambda task calls.</summary>
    public const string LambdaInvokeResource = "arn:aws:states:::lambda:invoke";

    private readonly JsonObject _states = [];

    public string StartAt => _states.First().Key;

    public JsonObject States => _states;

    public StateScope LambdaTask(StateName name, string comment, LambdaInvoke invoke)
    {
        var parameters = new JsonObject();
        invoke.Function.WriteTo(parameters);
        if (invoke.Payload is JsonValue path)
        {
            parameters["Payload.$"] = path.GetValue<string>();
        }
        else
        {
            parameters["Payload"] = invoke.Payload;
        }

        var state = State("Task", comment);
        state["Resource"] = LambdaInvokeResource;
        state["Parameters"] = parameters;
        state["TimeoutSeconds"] = LambdaTimeoutSeconds;
        invoke.Result.WriteTo(state);
        state["Retry"] = new JsonArray([.. invoke.Retries.Append(Retrier.LambdaService).Select(r => (JsonNode)r.ToJson())]);
        state["Catch"] = (invoke.OnError ?? failurePath).ToJson();
        state["Next"] = invoke.Next.Value;
        return Add(name, state);
    }

    /// <summary>An AWS SDK integration: the state machine calls AWS itself.</summary>
    public StateScope SdkTask(StateName name, string comment, string resource, JsonObject parameters, TaskResult result, StateName next, Retrier? retry = null, Catcher? onError = null)
    {
        var state = State("Task", comment);
        state["Resource"] = resource;
        state["Parameters"] = parameters;
        result.WriteTo(state);
        state["Retry"] = new JsonArray((retry ?? Retrier.SdkCall).ToJson());
        state["Catch"] = (onError ?? failurePath).ToJson();
        state["Next"] = next.Value;
        return Add(name, state);
    }

    /// <summary>
    /// An AWS SDK integration whose whole request a function prepared at <paramref name="requestPath"/> (InputPath,
    /// no Parameters): for calls whose optional members (NextToken, BackupVaultAccountId) come and go. The request's
    /// record, not the state, is checked against the API model.
    /// </summary>
    public StateScope SdkTaskWithRequestAt(StateName name, string comment, string resource, string requestPath, TaskResult result, StateName next)
    {
        var state = State("Task", comment);
        state["Resource"] = resource;
        state["InputPath"] = requestPath;
        result.WriteTo(state);
        state["Retry"] = new JsonArray(Retrier.SdkCall.ToJson());
        state["Catch"] = failurePath.ToJson();
        state["Next"] = next.Value;
        return Add(name, state);
    }

    /// <summary>An optimized service integration other than Lambda (e.g. SNS).</summary>
    public StateScope ServiceTask(StateName name, string comment, string resource, JsonObject parameters, TaskResult result, StateName next, Retrier retry, Catcher? onError = null) =>
        SdkTask(name, comment, resource, parameters, result, next, retry, onError);

    /// <summary>
    /// Publishes a summary a function prepared at <paramref name="summaryPath"/> (topicArn, subject,
    /// message) to SNS; best effort: a failure is kept at $.notifyError and the machine goes on.
    /// </summary>
    public StateScope Publish(StateName name, string comment, string summaryPath, StateName next) =>
        ServiceTask(
            name,
            comment,
            "arn:aws:states:::sns:publish",
            new JsonObject { ["TopicArn.$"] = $"{summaryPath}.topicArn", ["Subject.$"] = $"{summaryPath}.subject", ["Message.$"] = $"{summaryPath}.message" },
            TaskResult.Discarded,
            next,
            Retrier.Notification,
            new Catcher(next, "$.notifyError"));

    public StateScope Choice(StateName name, string comment, IEnumerable<JsonObject> rules, StateName otherwise)
    {
        var state = State("Choice", comment);
        state["Choices"] = new JsonArray([.. rules]);
        state["Default"] = otherwise.Value;
        return Add(name, state);
    }

    /// <summary>A loop's exit: on to <paramref name="next"/> once <paramref name="doneVariable"/> is true, else back to <paramref name="again"/>.</summary>
    public StateScope LoopUntil(StateName name, string comment, string doneVariable, StateName next, StateName again) =>
        Choice(name, comment, [Rule.IsTrue(doneVariable, next)], again);

    /// <summary>One branch per resource kind that has <paramref name="branch"/>'s state, the rest to <paramref name="otherwise"/>.</summary>
    public StateScope ChoiceByKind(StateName name, string comment, string kindVariable, IEnumerable<(RestoreKind Kind, StateName Next)> branches, StateName otherwise) =>
        Choice(name, comment, branches.Select(b => Rule.Is(kindVariable, b.Kind.ScratchKind, b.Next)), otherwise);

    public StateScope Wait(StateName name, string comment, string secondsPath, StateName next)
    {
        var state = State("Wait", comment);
        state["SecondsPath"] = secondsPath;
        state["Next"] = next.Value;
        return Add(name, state);
    }

    /// <summary>A Pass state that shapes the state with <paramref name="parameters"/> (or sets <paramref name="result"/> at <paramref name="resultPath"/>); it ends the scope when <paramref name="next"/> is null.</summary>
    public StateScope Pass(StateName name, string comment, StateName? next, JsonObject? parameters = null, JsonObject? result = null, string? resultPath = null)
    {
        var state = State("Pass", comment);
        if (parameters is not null)
        {
            state["Parameters"] = parameters;
        }

        if (result is not null)
        {
            state["Result"] = result;
        }

        if (resultPath is not null)
        {
            state["ResultPath"] = resultPath;
        }

        return Add(name, End(state, next));
    }

    public StateScope Succeed(StateName name, string comment) => Add(name, State("Succeed", comment));

    public StateScope Fail(StateName name, string comment, string error, string cause)
    {
        var state = State("Fail", comment);
        state["Error"] = error;
        state["Cause"] = cause;
        return Add(name, state);
    }

    /// <summary>A Map state over <paramref name="itemsPath"/>; <paramref name="settings"/> adds its concurrency, tolerance and label.</summary>
    public StateScope Map(StateName name, string comment, string itemsPath, JsonObject settings, JsonObject processorConfig, StateScope processor, string? resultPath, StateName next, Catcher? onError = null)
    {
        var state = State("Map", comment);
        state["ItemsPath"] = itemsPath;
        foreach (var (key, value) in settings)
        {
            state[key] = value?.DeepClone();
        }

        state["ItemProcessor"] = new JsonObject
        {
            ["ProcessorConfig"] = processorConfig,
            ["StartAt"] = processor.StartAt,
            ["States"] = processor.States,
        };
        state["ResultPath"] = resultPath;
        state["Catch"] = (onError ?? failurePath).ToJson();
        state["Next"] = next.Value;
        return Add(name, state);
    }

    private static JsonObject State(string type, string comment) => new() { ["Type"] = type, ["Comment"] = comment };

    private static JsonObject End(JsonObject state, StateName? next)
    {
        if (next is null)
        {
            state["End"] = true;
        }
        else
        {
            state["Next"] = next.Value;
        }

        return state;
    }

    private StateScope Add(StateName name, JsonObject state)
    {
        if (_states.ContainsKey(name.Value))
        {
            throw new InvalidOperationException($"Two states are named '{name}' in one scope.");
        }

        _states[name.Value] = state;
        return this;
    }
}
