using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;
using DrillRunner.Core.Tests.Plans;

namespace DrillRunner.Core.Tests.Drills;

public sealed class BeginSelectionTests : DrillOnFakes
{
    [Fact]
    public async Task Begin_WithRules_DrillsWhatTheyFindNow_AndEveryLaterStepReadsTheSameTargets()
    {
        var account = new FakeSelectableResources().Table("shop-orders", ("app", "shop")).Table("drill-old-shop-orders", ("app", "shop"));

        var begun = await BeginAsync(SelectionPlans.With(SelectionPlans.ShopTables), account);

        Assert.True(begun.Started, begun.Message);
        Assert.Equal(["shop-orders"], begun.Targets.Select(t => t.TargetId));
        var context = await RunContext.LoadAsync(Runs, begun.RunId, default);
        Assert.Equal("shop-orders", Assert.Single(context.Plan.Targets).SourceName);
        var selection = context.Run.Selection!;
        Assert.Equal(new SelectedTarget("shop-tables", "shop-orders", "shop-orders"), Assert.Single(selection.Selected));
        Assert.Equal(LeftOutReasons.Scratch, Assert.Single(selection.LeftOut).Reason);
        Assert.Equal(["shop-orders"], context.Run.TargetIds);

        Assert.Contains("Selection: 1 target(s) selected (shop-tables 1); 1 left out (scratch-resource 1)", Notification.For(context.Run, "arn:aws:sns:eu-west-1:111122223333:t").Message, StringComparison.Ordinal);

        account.Table("shop-carts", ("app", "shop"));
        var later = await RunContext.LoadAsync(Runs, begun.RunId, default);
        Assert.Single(later.Plan.Targets);
    }

    [Fact]
    public async Task Begin_RuleFindingNothing_EndsInErrorAtOnce_NamingTheRule_AndFreesThePlan()
    {
        var begun = await BeginAsync(SelectionPlans.With(SelectionPlans.ShopTables), new FakeSelectableResources().Table("billing"));

        Assert.False(begun.Started);
        var run = await Runs.GetAsync(begun.RunId, default);
        Assert.Equal(Verdict.Error, run.Verdict);
        Assert.Equal(RunStatus.TornDown, run.Status);
        Assert.Contains("rule 'shop-tables'", run.VerdictReason, StringComparison.Ordinal);
        Assert.Empty(Runs.Locks);
        Assert.Empty(await Runs.GetTargetsAsync(begun.RunId, default));
    }

    [Fact]
    public async Task Begin_WithRules_ButNoListings_IsAnErrorNotAnEmptyDrill()
    {
        await Plans.SaveAsync("shop", SelectionPlans.With(SelectionPlans.ShopTables), T0, default);

        var begun = await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(new BeginRequest("shop", "schedule", null, null, null), default);

        Assert.False(begun.Started);
        Assert.Equal(Verdict.Error, (await Runs.GetAsync(begun.RunId, default)).Verdict);
    }

    private async Task<BeginResult> BeginAsync(string json, FakeSelectableResources account)
    {
        await Plans.SaveAsync("shop", json, T0, default);
        return await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1), selectable: account, runsTable: "DrillRunner-Runs")
            .ExecuteAsync(new BeginRequest("shop", "schedule", null, null, null), default);
    }
}
