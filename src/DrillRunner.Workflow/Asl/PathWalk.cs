using System.Text.Json.Nodes;
using DrillRunner.Core.Capacity;

namespace DrillRunner.Workflow.Asl;

/// <summary>
/// A scope of a generated machine walked along a <see cref="PathRoute"/>, from StartAt to the state that
/// ends it: what the walk made once, and what one round of each loop on the way makes.
/// </summary>
public sealed record PathWalk(PathShape Once, IReadOnlyDictionary<StateName, PathShape> Rounds)
{
    /// <summary>Walks <paramref name="scope"/> (an object with StartAt and States: a machine or a Map's ItemProcessor).</summary>
    public static PathWalk Of(JsonObject scope, PathRoute route)
    {
        var states = scope["States"]!.AsObject();
        var entered = new List<JsonObject>();
        var names = new List<string>();
        var rounds = new Dictionary<StateName, PathShape>();
        for (var name = scope["StartAt"]!.GetValue<string>(); name is not null;)
        {
            var state = states[name] as JsonObject ?? throw new InvalidOperationException($"The route reaches '{name}', which is no state of its scope.");
            if (names.Count > 4 * states.Count)
            {
                throw new InvalidOperationException($"The route goes round without end through '{name}': list its loop in PathRoute.Loops, or route its Choice out of it.");
            }

            entered.Add(state);
            names.Add(name);
            var here = new StateName(name);
            if (route.Loops.Contains(here))
            {
                // A LoopUntil: its one rule leaves the loop, its Default goes round again from the loop's first state.
                var again = state["Default"]!.GetValue<string>();
                var first = names.LastIndexOf(again);
                rounds[here] = first >= 0 ? Shape(entered[first..]) : throw new InvalidOperationException($"Loop '{here}' goes round from '{again}', which the walk has not entered: is it a loop?");
                name = state["Choices"]![0]!["Next"]!.GetValue<string>();
            }
            else
            {
                name = Next(here, state, route);
            }
        }

        var once = rounds.Values.Aggregate(Shape(entered), (total, round) => total - round);
        return new PathWalk(once, rounds);
    }

    private static string? Next(StateName here, JsonObject state, PathRoute route)
    {
        if (state["Type"]!.GetValue<string>() != "Choice")
        {
            return state["Next"]?.GetValue<string>();
        }

        var branches = (state["Choices"]?.AsArray() ?? []).Select(c => c!["Next"]!.GetValue<string>()).Append(state["Default"]!.GetValue<string>()).ToList();
        if (!route.Choices.TryGetValue(here, out var taken))
        {
            throw new InvalidOperationException($"The route does not say which way Choice '{here}' goes ({string.Join(", ", branches)}): add it to the route's Choices.");
        }

        return branches.Contains(taken.Value)
            ? taken.Value
            : throw new InvalidOperationException($"The route sends Choice '{here}' to '{taken}', which is none of its branches ({string.Join(", ", branches)}).");
    }

    private static PathShape Shape(IReadOnlyCollection<JsonObject> states) => new(
        states.Count,
        states.Count(s => s["Type"]!.GetValue<string>() == "Task"),
        states.Count(s => s["Resource"]?.GetValue<string>() == StateScope.LambdaInvokeResource));
}
