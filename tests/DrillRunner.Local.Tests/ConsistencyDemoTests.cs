using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>
/// `drill demo --scenario consistency`: the shop writes a customer, then an order naming it, while it is
/// drilled; the customers table's latest restorable time runs 5 s further behind than the orders table's.
/// </summary>
public sealed class ConsistencyDemoTests
{
    [Fact]
    public async Task EachTableToItsOwnNewestPoint_LosesCustomersOfNewOrders_OneCommonInstant_KeepsEveryRelation()
    {
        var outcome = await ConsistencyDemo.RunAsync(TimeProvider.System, _ => { }, CancellationToken.None);

        // Independent: each table at its own latest restorable time, the orders table's later than the customers'.
        var independent = outcome.Independent;
        Assert.Equal(Verdict.Fail, independent.Run.Verdict);
        Assert.Null(independent.Run.Instant);
        var orders = Point(independent, "orders");
        var customers = Point(independent, "customers");
        Assert.True(orders > customers, $"orders restored to {orders:O}, customers to {customers:O}");
        var broken = Assert.Single(independent.Run.Relations);
        Assert.Equal((ConsistencyDemo.Relation, true, false), (broken.RelationId, broken.Checked, broken.Passed));
        Assert.InRange(broken.Dangling, 1, outcome.PairsWritten);
        Assert.Contains($"relation '{ConsistencyDemo.Relation}'", independent.Run.VerdictReason, StringComparison.Ordinal);

        // Common: both tables at exactly T, the customers table's latest restorable time, and the relation holds.
        var common = outcome.Common;
        Assert.Equal(Verdict.Pass, common.Run.Verdict);
        var instant = common.Run.Instant!;
        Assert.Equal(("customers", 2), (instant.LatestBoundBy, instant.ContinuousTargets));
        Assert.All(common.Targets, t => Assert.Equal((instant.At, true, 0.0), (t.RecoveryPoint!.CreatedAt, t.RecoveryPoint.ExactInstant, instant.SkewSeconds(t))));
        var held = Assert.Single(common.Run.Relations);
        Assert.Equal((true, true, 0L), (held.Checked, held.Passed, held.Dangling));
        Assert.Contains("as one instant (skew ≤ 0 s)", common.Run.VerdictReason, StringComparison.Ordinal);

        Assert.Equal((0, 0), (independent.ScratchLeft, common.ScratchLeft));
    }

    private static DateTimeOffset Point(ConsistencyDrill drill, string targetId) =>
        drill.Targets.Single(t => t.TargetId == targetId).RecoveryPoint!.CreatedAt;
}
