using System.Text.Json.Nodes;
using DrillRunner.Workflow;

namespace DrillFunctions.Tests.Workflow;

/// <summary>
/// Every transition of every machine the model generates leads somewhere, and nothing is left that no
/// transition reaches. The model's StateName handles make a misspelt target a compile error; this
/// catches what a handle cannot: a state named by a handle but never added, or added to another scope.
/// </summary>
public sealed class TransitionTests
{
    public static TheoryData<string> Files => GeneratedDefinitionTests.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryNextDefaultAndCatch_NamesAStateOfItsScope_AndEveryStateIsReachable(string fileName)
    {
        var machine = Workflows.All.Single(d => d.FileName == fileName).ToJson();

        var problems = Problems(machine);

        Assert.True(problems.Count == 0, $"{fileName}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void AMisspeltTarget_ATargetInAnotherScope_AndAStateNothingReaches_AreEachFound()
    {
        var machine = RestoreDrillWorkflow.Definition().ToJson();
        var target = machine["States"]!["DrillTargets"]!["ItemProcessor"]!["States"]!.AsObject();
        target["IsRestored"]!["Default"] = "WaitForRestor";
        target["TargetVerified"] = new JsonObject { ["Type"] = "Pass", ["Next"] = "Teardown" };
        target["Stranded"] = new JsonObject { ["Type"] = "Succeed" };

        var problems = Problems(machine);

        Assert.Equal(
            [
                "IsRestored -> WaitForRestor: no such state in its scope",
                "TargetVerified -> Teardown: no such state in its scope",
                "Stranded: no transition reaches it",
            ],
            problems);
    }

    /// <summary>What is wrong with the transitions of each scope (the machine's, each Map's item processor's), in state order.</summary>
    private static List<string> Problems(JsonObject machine)
    {
        var problems = new List<string>();
        foreach (var scope in Scopes(machine))
        {
            var states = scope["States"]!.AsObject();
            foreach (var (name, state) in states)
            {
                problems.AddRange(AslDocument.Successors(state!.AsObject()).Where(next => !states.ContainsKey(next)).Distinct().Select(next => $"{name} -> {next}: no such state in its scope"));
            }

            var reached = Reachable(scope["StartAt"]!.GetValue<string>(), states);
            problems.AddRange(states.Select(s => s.Key).Where(name => !reached.Contains(name)).Select(name => $"{name}: no transition reaches it"));
        }

        return problems;
    }

    private static IEnumerable<JsonObject> Scopes(JsonObject scope)
    {
        yield return scope;
        foreach (var (_, state) in scope["States"]!.AsObject())
        {
            if (state!["ItemProcessor"] is JsonObject processor)
            {
                foreach (var inner in Scopes(processor))
                {
                    yield return inner;
                }
            }
        }
    }

    private static HashSet<string> Reachable(string start, JsonObject states)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var name))
        {
            if (states[name] is JsonObject state && reached.Add(name))
            {
                foreach (var next in AslDocument.Successors(state))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return reached;
    }
}
