using System.Text.Json.Nodes;
using DrillRunner.Local.Processes;
using DrillRunner.Local.Workflow;

namespace DrillFunctions.Tests;

/// <summary>The real ASL file, with its substitutions applied, and every state in it (Map item processors included).</summary>
internal static class AslDocument
{
    public static string RawText => File.ReadAllText(RepoPaths.StateMachineDefinition);

    public static JsonObject Load() => JsonNode.Parse(LocalStateMachine.Definition(LocalStateMachine.LocalSubstitutions()))!.AsObject();

    public static string JanitorRawText => File.ReadAllText(RepoPaths.JanitorDefinition);

    public static JsonObject LoadJanitor() => JsonNode.Parse(LocalStateMachine.Definition(LocalStateMachine.LocalSubstitutions(), RepoPaths.JanitorDefinition))!.AsObject();

    public static JsonObject LoadCoverage() => JsonNode.Parse(LocalStateMachine.Definition(LocalStateMachine.LocalSubstitutions(), RepoPaths.CoverageDefinition))!.AsObject();

    /// <summary>Runs asl-validator on a definition (its substitutions applied): valid, and what it said.</summary>
    public static async Task<(bool Valid, string Output)> ValidateAsync(JsonObject definition)
    {
        var file = Path.Combine(Path.GetTempPath(), $"definition-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(file, definition.ToJsonString());
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "node_modules", "asl-validator", "dist", "bin", "asl-validator.js"));
            start.ArgumentList.Add("--json-path");
            start.ArgumentList.Add(file);
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode == 0, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static IEnumerable<(string Name, JsonObject State, JsonObject Scope)> States(JsonObject machine)
    {
        var states = machine["States"]!.AsObject();
        foreach (var (name, node) in states)
        {
            var state = node!.AsObject();
            yield return (name, state, states);
            if (state["Type"]!.GetValue<string>() == "Map")
            {
                foreach (var inner in States(state["ItemProcessor"]!.AsObject()))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>States reachable from <paramref name="start"/> within one scope, through Next, Default, Choices and Catch.</summary>
    public static HashSet<string> ReachableFrom(string start, JsonObject scope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var state = scope[name]!.AsObject();
            foreach (var next in Successors(state))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    public static IEnumerable<string> Successors(JsonObject state)
    {
        if (state["Next"]?.GetValue<string>() is { } next)
        {
            yield return next;
        }

        if (state["Default"]?.GetValue<string>() is { } fallback)
        {
            yield return fallback;
        }

        foreach (var choice in state["Choices"]?.AsArray() ?? [])
        {
            yield return choice!["Next"]!.GetValue<string>();
        }

        foreach (var catcher in state["Catch"]?.AsArray() ?? [])
        {
            yield return catcher!["Next"]!.GetValue<string>();
        }
    }
}
