using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillFunctions;
using DrillRunner.Local.Processes;

namespace DrillRunner.Local.Workflow;

/// <summary>
/// Executes statemachine/restore-drill.asl.json itself with aws-local-stepfunctions (in Node, on
/// one of <see cref="StateMachineWorkers"/>), with each Lambda ARN substituted by the function's
/// logical name and routed to the local host.
/// </summary>
public static partial class LocalStateMachine
{
    public static string Definition(IReadOnlyDictionary<string, string> substitutions, string? path = null)
    {
        var text = File.ReadAllText(path ?? RepoPaths.StateMachineDefinition);
        return Substitution().Replace(text, match => substitutions.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The ASL names ${{{match.Groups[1].Value}}}, which has no local substitution."));
    }

    /// <summary>The local execution's ARN, as $$.Execution.Id gives it.</summary>
    public static string ExecutionArn(string executionName) => $"arn:aws:states:us-east-1:000000000000:execution:restore-drill:{executionName}";

    /// <summary>The substitutions template.yaml makes, with local values.</summary>
    public static Dictionary<string, string> LocalSubstitutions()
    {
        var values = DrillFunctionCatalog.Functions.Keys.Concat(DrillFunctionCatalog.Scheduled).ToDictionary(DrillFunctionCatalog.ArnSubstitution, name => name, StringComparer.Ordinal);
        values["BackupRestoreRoleArn"] = "arn:aws:iam::000000000000:role/local-backup-restore";
        return values;
    }

    public static async Task<ExecutionResult> RunAsync(
        JsonNode input,
        Uri lambdaEndpoint,
        string executionName,
        Action<ExecutionEvent>? onEvent,
        CancellationToken cancellationToken,
        int waitMilliseconds = 100,
        string? definitionPath = null,
        IReadOnlyDictionary<string, TaskFault>? faults = null,
        IReadOnlyDictionary<string, string>? substitutions = null,
        DateTimeOffset? startTime = null)
    {
        var values = LocalSubstitutions();
        foreach (var (key, value) in substitutions ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var job = new JsonObject
        {
            ["definition"] = JsonNode.Parse(Definition(values, definitionPath)),
            ["endpoint"] = lambdaEndpoint.ToString(),
            ["input"] = input.DeepClone(),
            ["waitMs"] = waitMilliseconds,
            ["defaultRetryMs"] = 10,
            ["retryMs"] = new JsonObject { ["Teardown"] = 500 },
            ["faults"] = new JsonObject((faults ?? new Dictionary<string, TaskFault>()).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject
            {
                ["error"] = f.Value.Error,
                ["times"] = f.Value.Times,
                ["cause"] = f.Value.Cause,
            }))),
            ["context"] = new JsonObject
            {
                ["Execution"] = new JsonObject
                {
                    ["Id"] = ExecutionArn(executionName),
                    ["Name"] = executionName,
                    ["StartTime"] = AwsWorld.LocalAwsWorld.Time(startTime ?? TimeProvider.System.GetUtcNow()),
                },
            },
        };

        var events = new List<ExecutionEvent>();
        JsonObject? result = null;
        await foreach (var message in StateMachineWorkers.RunAsync(job, cancellationToken))
        {
            if (message["kind"]?.GetValue<string>() == "result")
            {
                result = message;
                continue;
            }

            var executionEvent = new ExecutionEvent(
                message["type"]!.GetValue<string>(),
                message["state"]?.GetValue<string>(),
                message["index"]?.GetValue<int>(),
                message["error"]?.GetValue<string>(),
                message["cause"]?.GetValue<string>(),
                message["runId"]?.GetValue<string>(),
                message["targetId"]?.GetValue<string>(),
                DateTimeOffset.FromUnixTimeMilliseconds(message["timestamp"]?.GetValue<long>() ?? 0));
            events.Add(executionEvent);
            onEvent?.Invoke(executionEvent);
        }

        if (result is null)
        {
            throw new InvalidOperationException("The local state machine runner ended the execution without a result.");
        }

        return new ExecutionResult(
            result["succeeded"]!.GetValue<bool>(),
            result["output"]?.DeepClone(),
            result["error"]?.GetValue<string>(),
            result["cause"]?.GetValue<string>(),
            events)
        {
            LargestPayload = (result["largestPayload"]?["bytes"]?.GetValue<int>() ?? 0, result["largestPayload"]?["state"]?.GetValue<string>()),
        };
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)\}")]
    private static partial Regex Substitution();
}
