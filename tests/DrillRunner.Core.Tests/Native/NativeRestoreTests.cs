using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Native;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Safety;
using DrillRunner.Core.Tests.Drills;

namespace DrillRunner.Core.Tests.Native;

/// <summary>The native DynamoDB restore: naming, tagging, stage times and timeouts.</summary>
public sealed class NativeRestoreTests : DrillOnFakes
{
    [Fact]
    public async Task Restore_CompletionIsFirstActivePollWithPreviousPollAsLowerBound()
    {
        var target = await RestoringAsync();
        Scratch.RestoredPointInTime = null;

        Clock.Advance(TimeSpan.FromSeconds(20));
        var first = await new CheckTableRestore(Runs, Scratch, Clock).ExecuteAsync(new RestorePoll(target.RunId, "orders", false, 0, 20), default);
        Clock.Advance(TimeSpan.FromSeconds(30));
        Scratch.States[ScratchName(target.RunId)] = ScratchTableState.Active;
        var second = await new CheckTableRestore(Runs, Scratch, Clock).ExecuteAsync(first, default);

        Assert.False(first.Restored);
        Assert.Equal(PollSchedule.MinWaitSeconds, first.WaitSeconds); // no forecast (no size, no earlier drill): 5 % of 20 s, at least 10 s
        Assert.True(second.Restored);
        var record = await Runs.GetTargetAsync(target.RunId, "orders", default);
        Assert.Equal(T0.AddSeconds(50), record.RestoreCompletedAt);
        Assert.Equal(T0.AddSeconds(20), record.RestoreCompletedNotBefore);
        Assert.Equal(2, record.Polls);
    }

    [Fact]
    public async Task Restore_StillCreatingPastTimeout_ThrowsRestoreTimedOut()
    {
        var target = await RestoringAsync();
        Clock.Advance(TimeSpan.FromMinutes(121));

        var error = await Assert.ThrowsAsync<RestoreTimedOut>(() => new CheckTableRestore(Runs, Scratch, Clock).ExecuteAsync(new RestorePoll(target.RunId, "orders", false, 5, 120), default));

        Assert.Contains("restoreTimeoutMinutes is 120", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_TableDisappears_ThrowsRestoreFailed()
    {
        var target = await RestoringAsync();
        Scratch.States.Remove(ScratchName(target.RunId));

        await Assert.ThrowsAsync<RestoreFailed>(() => new CheckTableRestore(Runs, Scratch, Clock).ExecuteAsync(new RestorePoll(target.RunId, "orders", false, 0, 20), default));
    }

    [Fact]
    public async Task StartRestore_NamesAndTagsTheScratchTableAsThisRuns()
    {
        var target = await RestoringAsync();

        var scratch = target.Scratch!;
        Assert.Equal($"drill-{target.RunId}-orders-prod", scratch.Name);
        Assert.True(scratch.CreatedByRun);
        var tags = Scratch.Tags[scratch.Arn!];
        Assert.Equal(target.RunId, tags[TeardownGuard.RunIdTag]);
        Assert.Equal("prod", tags[TeardownGuard.PlanTag]);
        Assert.Equal("2026-11-27T09:00:00Z", tags[TeardownGuard.ExpiresAtTag]);
    }

    [Fact]
    public async Task StartRestore_RecoveryPointBecomesTheTimeAwsRestoredTo()
    {
        Scratch.RestoredPointInTime = T0.AddMinutes(-4);

        var target = await RestoringAsync();

        Assert.Equal(T0.AddMinutes(-4), target.RecoveryPoint!.CreatedAt);
    }
}
