using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.RecoveryPoints;

public sealed class PointWantedTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARandomSecond_IsRepeatedByItsSeed_AndStaysInTheWindow()
    {
        var from = T0.AddDays(-7).AddMilliseconds(300);
        var draws = Enumerable.Range(0, 500).Select(seed => PointDraw.Instant(from, T0, seed)).ToList();

        Assert.Equal(draws, Enumerable.Range(0, 500).Select(seed => PointDraw.Instant(from, T0, seed)));
        Assert.All(draws, d => Assert.InRange(d, from, T0));
        Assert.All(draws, d => Assert.Equal(0, d.Ticks % TimeSpan.TicksPerSecond));

        // Uniform: each day of the week gets its share (500 draws, 7 days: about 71 each).
        var perDay = draws.GroupBy(d => (int)(d - from).TotalDays).Select(g => g.Count()).ToList();
        Assert.Equal(7, perDay.Count);
        Assert.All(perDay, count => Assert.InRange(count, 40, 110));
    }

    [Fact]
    public void ARandomChoiceAmongPoints_DoesNotDependOnTheOrderPagesArriveIn_AndReachesEveryPoint()
    {
        var points = Enumerable.Range(0, 10).Select(i => ($"arn:point-{i}", T0.AddDays(-i))).ToList();
        var wanted = new PointWanted(PointSelect.Random, null, null, Seed: 0);
        var chosen = new HashSet<string>();
        for (var seed = 0; seed < 200; seed++)
        {
            var forward = Choose(points, wanted with { Seed = seed });
            var backward = Choose(Enumerable.Reverse(points).ToList(), wanted with { Seed = seed });
            Assert.Equal(forward, backward);
            chosen.Add(forward);
        }

        Assert.Equal(10, chosen.Count);
    }

    [Fact]
    public void OldestAndLatest_PickTheEndsOfTheWindow_AndWithinDaysCutsIt()
    {
        var points = Enumerable.Range(0, 10).Select(i => ($"arn:point-{i}", T0.AddDays(-i))).ToList();

        Assert.Equal("arn:point-9", Choose(points, new PointWanted(PointSelect.Oldest, null, null, 0)));
        Assert.Equal("arn:point-0", Choose(points, new PointWanted(PointSelect.Latest, null, null, 0)));
        Assert.Equal("arn:point-3", Choose(points, new PointWanted(PointSelect.Oldest, T0.AddDays(-3.5), null, 0)));
    }

    [Fact]
    public void AtACommonInstant_TheNewestPointAtOrBeforeItIsChosen()
    {
        var points = Enumerable.Range(0, 10).Select(i => ($"arn:point-{i}", T0.AddDays(-i))).ToList();

        Assert.Equal("arn:point-4", Choose(points, new PointWanted(PointSelect.Latest, null, T0.AddDays(-3.5), 0)));
        Assert.Equal("arn:point-3", Choose(points, new PointWanted(PointSelect.Latest, null, T0.AddDays(-3), 0)));
    }

    [Fact]
    public void For_TakesTheCommonInstantFirst_ThenTheRunsOverride_ThenTheTargetsRule_ThenThePlans()
    {
        var plan = PlanReader.Read(Plans.PlanSamples.With("\"maxConcurrentRestores\": 4,", "\"maxConcurrentRestores\": 4, \"recoveryPoint\": { \"select\": \"oldest\", \"withinDays\": 5 },")).PlanOrThrow();
        var target = plan.Targets[0];
        var run = new DrillRun("r1", "prod", 1, "{}", "manual", T0) { Seed = 42 };

        var fromPlan = PointWanted.For(run, plan, target);
        Assert.Equal((PointSelect.Oldest, T0.AddDays(-5)), (fromPlan.Select, fromPlan.NotBefore));

        var overridden = PointWanted.For(run with { PointOverride = PointSelect.Random }, plan, target);
        Assert.Equal((PointSelect.Random, T0.AddDays(-5), PointDraw.For(42, "orders")), (overridden.Select, overridden.NotBefore, overridden.Seed));

        var atT = PointWanted.For(run with { Instant = new CommonInstant(T0.AddMinutes(-7), PointSelect.Random, T0.AddDays(-1), T0, 1) }, plan, target);
        Assert.Equal((PointSelect.Latest, T0.AddMinutes(-7), PointSelect.Random), (atT.Select, atT.Instant, atT.Drawn));
    }

    private static string Choose(IReadOnlyList<(string Id, DateTimeOffset Created)> points, PointWanted wanted)
    {
        (string Id, DateTimeOffset Created)? best = null;
        foreach (var point in points.Where(p => wanted.Admits(p.Created)))
        {
            if (best is null || wanted.Prefers(point.Created, point.Id, best.Value.Created, best.Value.Id))
            {
                best = point;
            }
        }

        return best?.Id ?? "none";
    }
}
