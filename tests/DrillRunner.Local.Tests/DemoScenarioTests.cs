using DrillRunner.Core.RunbookGaps;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>
/// Every demo scenario, run through the real statemachine/restore-drill.asl.json by
/// aws-local-stepfunctions, the C# handlers, the stand-in and dynalite.
/// </summary>
public sealed class DemoScenarioTests(DemoOutcomes outcomes) : IClassFixture<DemoOutcomes>
{
    [Theory]
    [InlineData(DemoScenario.Healthy, "PASS", "restored, verified and healthy", 0, 60)]
    [InlineData(DemoScenario.NoBackups, "FAIL", "no recovery point for table 'shop-orders'", -1, -1)]
    [InlineData(DemoScenario.RestoreFails, "FAIL", "scratch table disappeared", 0, 60)]
    [InlineData(DemoScenario.DataLoss, "FAIL", "restored 15000 items, expected at least 19800 (plan bounds 1000..any; live source has 20000, tolerance 1%)", 6 * 3600, (6 * 3600) + 300)]
    [InlineData(DemoScenario.AppDown, "FAIL", "health check 'orders-api' failed: request failed", 0, 60)]
    [InlineData(DemoScenario.Estate, "PASS", "all 4 target(s) restored, verified and healthy", 100, 300)]
    public async Task Scenario_ReachesItsVerdictWithAReasonAndLeavesNothingBehind(string scenario, string verdict, string reason, double rpoAtLeastSeconds, double rpoAtMostSeconds)
    {
        var outcome = await outcomes.Of(scenario);

        Assert.Equal(verdict, VerdictNames.Of(outcome.Run.Verdict!.Value));
        Assert.Equal(DemoScenario.Find(scenario)!.ExpectedVerdict, outcome.Run.Verdict);
        Assert.Contains(reason, outcome.Run.VerdictReason, StringComparison.Ordinal);
        ScenarioRun.AssertTornDown(outcome);
        Assert.Equal(verdict == "PASS", outcome.Execution.Succeeded);
        Assert.Equal(verdict == "PASS" ? 0 : 1, outcome.Notifications.Count);
        Assert.DoesNotContain("not run", outcome.Run.VerdictReason, StringComparison.Ordinal);
        Assert.Contains($"\"DrillPassed\":{(verdict == "PASS" ? 1 : 0)}", outcome.FunctionLog, StringComparison.Ordinal);

        // The RPO tells the scenario's story: seconds behind with PITR, hours behind when only an old backup exists.
        if (rpoAtLeastSeconds >= 0)
        {
            Assert.InRange(outcome.Run.RpoSeconds!.Value, rpoAtLeastSeconds, rpoAtMostSeconds);
            Assert.Equal(rpoAtMostSeconds <= DemoPlan.RpoMinutes * 60, outcome.Run.RpoSeconds.Value <= DemoPlan.RpoMinutes * 60);
        }
    }

    [Fact]
    public async Task Healthy_MeasuresRtoAndRpoAgainstTheObjectives()
    {
        var outcome = await outcomes.Of(DemoScenario.Healthy);
        var run = outcome.Run;

        Assert.InRange(run.RtoSeconds!.Value, 0.1, DemoPlan.RtoMinutes * 60);
        Assert.Equal((run.HealthyAt!.Value - run.StartedAt).TotalSeconds, run.RtoSeconds.Value, 3);
        var worstRecoveryPoint = outcome.Targets.Min(t => t.RecoveryPoint!.CreatedAt);
        Assert.Equal((run.StartedAt - worstRecoveryPoint).TotalSeconds, run.RpoSeconds!.Value, 3);
        Assert.All(outcome.Targets, t =>
        {
            Assert.Equal(TargetStage.Verified, t.Stage);
            Assert.True(t.RestoreRequestedAt <= t.RestoreCompletedNotBefore && t.RestoreCompletedNotBefore <= t.RestoreCompletedAt && t.RestoreCompletedAt <= t.VerifiedAt);
        });
        var orders = outcome.Targets.Single(t => t.TargetId == "orders");
        Assert.Equal(DemoData.Orders, orders.Verification!.ItemCount);
        Assert.Equal(DemoData.Orders, orders.Verification.SourceItemCount);
        Assert.Empty(orders.Verification.SentinelsMissing);
        Assert.Equal(25, orders.Verification.SampleCompared);
        Assert.NotNull(orders.Verification.SampleSeed);

        // The runbook gap: what the stand-in's restore (like DynamoDB's) did not carry over, seen by comparing the tables and reading auto scaling.
        var gap = orders.RunbookGap!;
        Assert.Null(gap.Incomplete);
        Assert.Equal(
            [RunbookSettings.Ttl, RunbookSettings.Stream, RunbookSettings.Pitr, RunbookSettings.DeletionProtection, RunbookSettings.Tags, RunbookSettings.AutoScaling],
            gap.Items.Where(i => i.Compared).Select(i => i.Setting));
        Assert.StartsWith($"after a restore of {DemoData.SourceTable} you must re-enable: TTL on {DemoData.ExpiresAttribute}, the stream (NEW_IMAGE), PITR, deletion protection, {DemoData.OrdersTags.Count} tags", gap.Sentence(), StringComparison.Ordinal);
        Assert.Contains($"{DemoData.OrdersScalingPolicies.Count} auto-scaling policies", gap.Sentence(), StringComparison.Ordinal);
        Assert.Equal([RunbookSettings.Pitr, RunbookSettings.Tags], outcome.Targets.Single(t => t.TargetId == DemoData.CustomersTable).RunbookGap!.Items.Where(i => i.Compared).Select(i => i.Setting));
    }

    [Fact]
    public async Task Healthy_FindsTheShopsTablesByTheirTagWhenTheDrillBegins()
    {
        var outcome = await outcomes.Of(DemoScenario.Healthy);

        // The rule selects the customers table (as a target named after it); the orders table it also matches stays the explicit target.
        var selection = outcome.Run.Selection!;
        Assert.Equal([$"{DemoPlan.ShopRule}: dynamodb; tags {DemoData.AppTagKey}={DemoData.AppTagValue}"], selection.Rules);
        Assert.Equal(new SelectedTarget(DemoPlan.ShopRule, DemoData.CustomersTable, DemoData.CustomersTable), Assert.Single(selection.Selected));
        var orders = Assert.Single(selection.LeftOut);
        Assert.Equal((DemoPlan.ShopRule, DemoData.SourceTable, LeftOutReasons.ExplicitTarget), (orders.RuleId, orders.Resource, orders.Reason));
        Assert.Equal(["orders", DemoData.CustomersTable], outcome.Targets.Select(t => t.TargetId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RestoreFails_OnOneTarget_DoesNotStopTheOthers()
    {
        var outcome = await outcomes.Of(DemoScenario.RestoreFails);

        var orders = outcome.Targets.Single(t => t.TargetId == "orders");
        Assert.Equal("RestoreFailed", orders.Failure!.Error);
        Assert.Equal(TargetStage.Verified, outcome.Targets.Single(t => t.TargetId == "customers").Stage);
    }

    [Fact]
    public async Task DataLoss_FindsTheMissingSentinelToo()
    {
        var outcome = await outcomes.Of(DemoScenario.DataLoss);

        var orders = outcome.Targets.Single(t => t.TargetId == "orders");
        Assert.Equal(RecoveryPoint.Backup, orders.RecoveryPoint!.Kind);
        Assert.Equal([$"{{pk: \"{DemoData.LastSentinelOrder}\"}}"], orders.Verification!.SentinelsMissing);
    }
}
