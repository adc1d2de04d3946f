using DrillRunner.Workflow;
using DrillRunner.Workflow.Asl;

namespace DrillFunctions.Tests.Workflow;

/// <summary>The walk that counts the cost estimate's states cannot pass a branch by uncounted.</summary>
public sealed class PathWalkTests
{
    [Fact]
    public void AChoiceTheRouteDoesNotDecide_StopsTheWalk_NamingIt()
    {
        var drill = RestoreDrillWorkflow.Definition().ToJson();
        var route = RestoreDrillWorkflow.PassingRoute;
        var undecided = route with { Choices = route.Choices.Where(c => c.Key.Value != "TeardownDone").ToDictionary() };

        var refused = Assert.Throws<InvalidOperationException>(() => PathWalk.Of(drill, undecided));

        Assert.Contains("'TeardownDone'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoop_IsCountedPerRound_NotInWhatTheWalkMakesOnce()
    {
        var targets = RestoreDrillWorkflow.Definition().ToJson()["States"]!["DrillTargets"]!["ItemProcessor"]!.AsObject();
        var route = TargetWorkflow.NativeRoute(readsSourceScaling: false).Path;
        var look = TargetWorkflow.NativeRoute(readsSourceScaling: false).Look;
        var exit = new StateName(targets["States"]![look.Value]!["Choices"]![0]!["Next"]!.GetValue<string>());
        var lookAsAPlainChoice = route with { Loops = [.. route.Loops.Where(l => l != look)], Choices = new Dictionary<StateName, StateName>(route.Choices) { [look] = exit } };

        var walk = PathWalk.Of(targets, route);
        var once = PathWalk.Of(targets, lookAsAPlainChoice).Once;

        Assert.True(walk.Rounds[look].Transitions > 1, $"a look is {walk.Rounds[look]}");
        Assert.Equal(once, walk.Once + walk.Rounds[look]);
    }
}
