using DrillRunner.Core.Ports;
using DrillRunner.Core.Requests;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;
using DrillRunner.Core.Tests.Plans;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Requests;

public sealed class RequestAndFollowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryPlanStore _plans = new();
    private readonly InMemoryDrillRequests _requests = new();

    [Fact]
    public async Task Request_PlanHeldByAnotherRun_IsRefusedWithTheHolderAndWritesNothing()
    {
        await _plans.SaveAsync("prod", PlanSamples.Valid, T0, default);
        await _runs.TryLockPlanAsync("prod", "run-7", T0.AddMinutes(-12), T0.AddHours(6), default);

        var outcome = await Request().ExecuteAsync("prod", "release 4.2", default);

        Assert.Null(outcome.Submitted);
        Assert.Equal(new PlanLockHolder("run-7", T0.AddMinutes(-12)), outcome.HeldBy);
        Assert.Empty(_requests.Items);
    }

    [Fact]
    public async Task Request_FreePlan_WritesWhoWhyAndWhen()
    {
        await _plans.SaveAsync("prod", PlanSamples.Valid, T0, default);

        var outcome = await Request().ExecuteAsync("prod", "release 4.2", default);

        var written = _requests.Items[outcome.Submitted!.RequestId].Request;
        Assert.Equal(("prod", "release 4.2", "arn:aws:iam::123456789012:user/ana", T0), (written.PlanName, written.Reason, written.RequestedBy, written.RequestedAt));
    }

    [Fact]
    public async Task Request_UnknownPlan_SaysHowToStoreIt()
    {
        var outcome = await Request().ExecuteAsync("nope", "x", default);

        Assert.Contains("drill plan apply", outcome.PlanProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_ReportsEachChangeAndEndsWhenTheRunIsTornDown()
    {
        await _requests.LinkRunAsync("req", "run-1", default);
        await _runs.CreateAsync(new DrillRun("run-1", "prod", 1, "{}", "manual", T0), [new TargetRun("run-1", "orders", "orders-prod")], default);
        var seen = new List<TargetStage>();

        var following = new RunFollower(_runs, _requests, _clock).FollowAsync("req", TimeSpan.FromHours(1), TimeSpan.FromSeconds(5), s => seen.Add(s.Targets[0].Stage), default);
        await StepAsync(following, () => _runs.SaveTargetAsync(new TargetRun("run-1", "orders", "orders-prod") { Stage = TargetStage.Restoring }, default));
        await StepAsync(following, async () => await _runs.SaveAsync((await _runs.GetAsync("run-1", default)) with { Status = RunStatus.TornDown, Verdict = Verdict.Pass }, default));
        var (last, timedOut) = await DriveAsync(following);

        Assert.False(timedOut);
        Assert.Equal(Verdict.Pass, last!.Run.Verdict);
        Assert.Equal([TargetStage.Pending, TargetStage.Restoring, TargetStage.Restoring], seen);
    }

    [Fact]
    public async Task Follow_PastTheTimeout_GivesUpWithTheLastSnapshot()
    {
        await _requests.LinkRunAsync("req", "run-1", default);
        await _runs.CreateAsync(new DrillRun("run-1", "prod", 1, "{}", "manual", T0), [], default);

        var (last, timedOut) = await DriveAsync(new RunFollower(_runs, _requests, _clock).FollowAsync("req", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5), _ => { }, default));

        Assert.True(timedOut);
        Assert.Equal("run-1", last!.Run.RunId);
        Assert.InRange(_clock.GetUtcNow() - T0, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2.2));
    }

    private RequestDrill Request() => new(_plans, _runs, _requests, new FixedCaller(), _clock);

    private async Task StepAsync(Task following, Func<Task> change)
    {
        await Task.Yield();
        await change();
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(10);
        Assert.False(following.IsFaulted);
    }

    private async Task<T> DriveAsync<T>(Task<T> following)
    {
        for (var i = 0; i < 10_000 && !following.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
        }

        return await following;
    }

    private sealed class FixedCaller : ICallerIdentity
    {
        public Task<string> WhoAsync(CancellationToken cancellationToken) => Task.FromResult("arn:aws:iam::123456789012:user/ana");
    }
}
