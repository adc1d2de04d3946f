using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Core.Tests.Fakes;
using DrillRunner.Core.Tests.Plans;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Drills;

/// <summary>The drill's steps over in-memory ports and a fake clock: stage times, timeouts, locks, teardown.</summary>
public sealed class DrillStepsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryPlanStore _plans = new();
    private readonly FakeScratchTables _scratch = new();
    private readonly InMemoryDrillRequests _requests = new();

    [Fact]
    public async Task Begin_CreatesRunAtT0WithEveryTargetPendingAndTakesTheLock()
    {
        var begun = await BeginAsync();

        Assert.True(begun.Started);
        var run = await _runs.GetAsync(begun.RunId, default);
        Assert.Equal(T0, run.StartedAt);
        Assert.Equal(1, run.PlanVersion);
        Assert.Equal(["orders"], run.TargetIds);
        Assert.Equal(TargetStage.Pending, (await _runs.GetTargetAsync(begun.RunId, "orders", default)).Stage);
        Assert.Equal(begun.RunId, _runs.Locks["prod"].RunId);
    }

    [Fact]
    public async Task Begin_WhilePlanIsLocked_RefusesAndNamesTheHolder()
    {
        var first = await BeginAsync();
        _clock.Advance(TimeSpan.FromMinutes(3));

        var second = await new BeginDrill(_plans, _runs, _requests, _clock, new Random(2)).ExecuteAsync(new BeginRequest("prod", "manual", "release 4.2", "ana", null), default);

        Assert.False(second.Started);
        Assert.Contains(first.RunId, second.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 03:00:00Z", second.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Rejected, (await _runs.GetAsync(second.RunId, default)).Status);
    }

    [Fact]
    public async Task Begin_DeliveredTwiceForOneExecution_AnswersWithTheRunItBegan()
    {
        await _plans.SaveAsync("prod", PlanSamples.Valid, T0, default);
        var request = new BeginRequest("prod", "schedule", null, null, "arn:aws:states:eu-west-1:111122223333:execution:restore-drill:weekly-1");

        var first = await new BeginDrill(_plans, _runs, _requests, _clock, new Random(1)).ExecuteAsync(request, default);
        _clock.Advance(TimeSpan.FromSeconds(40));
        var again = await new BeginDrill(_plans, _runs, _requests, _clock, new Random(2)).ExecuteAsync(request, default);

        Assert.True(again.Started);
        Assert.Equal(first.RunId, again.RunId);
        Assert.Equal(first.Targets.Select(t => t.TargetId), again.Targets.Select(t => t.TargetId));
        Assert.Single(await _runs.HistoryAsync("prod", null, 10, default));
    }

    [Fact]
    public async Task Begin_RunRecordCannotBeWrittenAfterTheLock_ReleasesTheLockAndSaysWhy()
    {
        await _plans.SaveAsync("prod", PlanSamples.Valid, T0, default);
        _runs.FailCreate = new InvalidOperationException("Item size has exceeded the maximum allowed size");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BeginDrill(_plans, _runs, _requests, _clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default));

        Assert.Contains("maximum allowed size", error.Message, StringComparison.Ordinal);
        Assert.Empty(_runs.Locks);
    }

    [Fact]
    public async Task Begin_ResourceInAnotherAccountThanTheStack_RecordsErrorNamingTheTarget()
    {
        await _plans.SaveAsync("prod", """
            { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
              "targets": [ { "id": "db", "type": "aws-backup", "resourceArn": "arn:aws:rds:eu-west-1:999999999999:db:billing" } ] }
            """, T0, default);

        var begun = await new BeginDrill(_plans, _runs, _requests, _clock, new Random(1)).ExecuteAsync(
            new BeginRequest("prod", "schedule", null, null, "arn:aws:states:eu-west-1:111122223333:execution:drill-runner-restore-drill:weekly"), default);

        Assert.False(begun.Started);
        var run = await _runs.GetAsync(begun.RunId, default);
        Assert.Equal(Verdict.Error, run.Verdict);
        Assert.Contains("$.targets[0].resourceArn", run.VerdictReason, StringComparison.Ordinal);
        Assert.Contains("account '999999999999', not '111122223333'", run.VerdictReason, StringComparison.Ordinal);
        Assert.Empty(_runs.Locks);
    }

    [Fact]
    public async Task Begin_InvalidStoredPlan_RecordsErrorAndStartsNothing()
    {
        await _plans.SaveAsync("prod", PlanSamples.With("\"scratchPrefix\": \"drill-\"", "\"scratchPrefix\": \"\""), T0, default);

        var begun = await new BeginDrill(_plans, _runs, _requests, _clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default);

        Assert.False(begun.Started);
        var run = await _runs.GetAsync(begun.RunId, default);
        Assert.Equal(Verdict.Error, run.Verdict);
        Assert.Contains("$.scratchPrefix", run.VerdictReason, StringComparison.Ordinal);
        Assert.Empty(_runs.Locks);
    }

    [Fact]
    public async Task Begin_UnknownPlan_ThrowsPlanNotFoundWithTheFix()
    {
        var error = await Assert.ThrowsAsync<PlanNotFound>(() => new BeginDrill(_plans, _runs, _requests, _clock, new Random(1)).ExecuteAsync(new BeginRequest("nope", null, null, null, null), default));

        Assert.Contains("drill plan apply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_CompletionIsFirstActivePollWithPreviousPollAsLowerBound()
    {
        var target = await RestoringAsync();
        _scratch.RestoredPointInTime = null;

        _clock.Advance(TimeSpan.FromSeconds(20));
        var first = await new CheckRestore(_runs, _scratch, _clock).ExecuteAsync(new RestorePoll(target.RunId, "orders", false, 0, 20), default);
        _clock.Advance(TimeSpan.FromSeconds(30));
        _scratch.States[ScratchName(target.RunId)] = ScratchTableState.Active;
        var second = await new CheckRestore(_runs, _scratch, _clock).ExecuteAsync(first, default);

        Assert.False(first.Restored);
        Assert.Equal(30, first.WaitSeconds);
        Assert.True(second.Restored);
        var record = await _runs.GetTargetAsync(target.RunId, "orders", default);
        Assert.Equal(T0.AddSeconds(50), record.RestoreCompletedAt);
        Assert.Equal(T0.AddSeconds(20), record.RestoreCompletedNotBefore);
        Assert.Equal(2, record.Polls);
    }

    [Fact]
    public async Task Restore_StillCreatingPastTimeout_ThrowsRestoreTimedOut()
    {
        var target = await RestoringAsync();
        _clock.Advance(TimeSpan.FromMinutes(121));

        var error = await Assert.ThrowsAsync<RestoreTimedOut>(() => new CheckRestore(_runs, _scratch, _clock).ExecuteAsync(new RestorePoll(target.RunId, "orders", false, 5, 120), default));

        Assert.Contains("restoreTimeoutMinutes is 120", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_TableDisappears_ThrowsRestoreFailed()
    {
        var target = await RestoringAsync();
        _scratch.States.Remove(ScratchName(target.RunId));

        await Assert.ThrowsAsync<RestoreFailed>(() => new CheckRestore(_runs, _scratch, _clock).ExecuteAsync(new RestorePoll(target.RunId, "orders", false, 0, 20), default));
    }

    [Fact]
    public async Task StartRestore_NamesAndTagsTheScratchTableAsThisRuns()
    {
        var target = await RestoringAsync();

        var scratch = target.Scratch!;
        Assert.Equal($"drill-{target.RunId}-orders-prod", scratch.Name);
        Assert.True(scratch.CreatedByRun);
        var tags = _scratch.Tags[scratch.Arn!];
        Assert.Equal(target.RunId, tags[TeardownGuard.RunIdTag]);
        Assert.Equal("prod", tags[TeardownGuard.PlanTag]);
        Assert.Equal("2026-11-27T09:00:00Z", tags[TeardownGuard.ExpiresAtTag]);
    }

    [Fact]
    public async Task StartRestore_RecoveryPointBecomesTheTimeAwsRestoredTo()
    {
        _scratch.RestoredPointInTime = T0.AddMinutes(-4);

        var target = await RestoringAsync();

        Assert.Equal(T0.AddMinutes(-4), target.RecoveryPoint!.CreatedAt);
    }

    [Fact]
    public async Task Teardown_DeletesOnlyWhatPassesTheGuardAndReleasesTheLock()
    {
        var target = await RestoringAsync();
        var name = ScratchName(target.RunId);
        _scratch.States[name] = ScratchTableState.Active;
        _scratch.Tags[FakeScratchTables.Arn(name)][TeardownGuard.RunIdTag] = "someone-else";

        var result = await new TeardownRun(_runs, _scratch, _clock).ExecuteAsync(new TeardownInput(target.RunId, null), default);

        Assert.Empty(_scratch.Deleted);
        Assert.Equal(1, result.ScratchResourcesLeft);
        Assert.StartsWith("refused", (await _runs.GetTargetAsync(target.RunId, "orders", default)).Scratch!.TeardownNote, StringComparison.Ordinal);
        Assert.Empty(_runs.Locks);
    }

    [Fact]
    public async Task Teardown_OwnTaggedScratchTable_IsDeleted()
    {
        var target = await RestoringAsync();
        _scratch.States[ScratchName(target.RunId)] = ScratchTableState.Active;

        var result = await new TeardownRun(_runs, _scratch, _clock).ExecuteAsync(new TeardownInput(target.RunId, null), default);

        Assert.Equal([ScratchName(target.RunId)], _scratch.Deleted);
        Assert.Equal(0, result.ScratchResourcesLeft);
        Assert.Equal(RunStatus.TornDown, (await _runs.GetAsync(target.RunId, default)).Status);
    }

    [Fact]
    public async Task Teardown_TableStillRestoring_ThrowsBusySoTheStateMachineRetries()
    {
        var target = await RestoringAsync();

        await Assert.ThrowsAsync<ScratchTableBusy>(() => new TeardownRun(_runs, _scratch, _clock).ExecuteAsync(new TeardownInput(target.RunId, null), default));
        Assert.NotEmpty(_runs.Locks);
    }

    [Fact]
    public async Task Teardown_NeverTouchesTheSourceTable()
    {
        var target = await RestoringAsync();
        _scratch.States[ScratchName(target.RunId)] = ScratchTableState.Active;
        await _runs.SaveTargetAsync(target with { Scratch = target.Scratch! with { Name = "orders-prod" } }, default);
        _scratch.States["orders-prod"] = ScratchTableState.Active;
        _scratch.Tags[FakeScratchTables.Arn("orders-prod")] = new() { [TeardownGuard.RunIdTag] = target.RunId };

        await new TeardownRun(_runs, _scratch, _clock).ExecuteAsync(new TeardownInput(target.RunId, null), default);

        Assert.DoesNotContain("orders-prod", _scratch.Deleted);
    }

    [Fact]
    public async Task RecordTargetFailure_KeepsTheLambdaErrorMessageAndClassifiesIt()
    {
        var target = await RestoringAsync();
        var cause = """{"errorType":"VerificationFailed","errorMessage":"restored 10 items, expected at least 99"}""";

        await new RecordTargetFailure(_runs).ExecuteAsync(new TargetFailureInput(target.RunId, "orders", new TaskError("VerificationFailed", cause)), default);

        var failure = (await _runs.GetTargetAsync(target.RunId, "orders", default)).Failure!;
        Assert.Equal("restored 10 items, expected at least 99", failure.Reason);
        Assert.False(failure.IsRunnerError);
    }

    [Theory]
    [InlineData(true, "arn:aws:sns:eu-west-1:123456789012:drills")]
    [InlineData(false, "arn:aws:sns:eu-west-1:123456789012:stack-default")]
    public async Task Conclude_NotifiesThePlansTopicOrElseTheStacksDefault(bool planNamesTopic, string expected)
    {
        var plan = planNamesTopic ? PlanSamples.Valid : PlanSamples.With("\"snsTopicArn\": \"arn:aws:sns:eu-west-1:123456789012:drills\"", "\"snsTopicArn\": null");
        await _plans.SaveAsync("prod", plan, T0, default);
        var begun = await new BeginDrill(_plans, _runs, _requests, _clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default);

        var conclusion = await new ConcludeDrill(_runs, _clock, "arn:aws:sns:eu-west-1:123456789012:stack-default").ExecuteAsync(new RunRef(begun.RunId), default);

        Assert.Equal("ERROR", conclusion.Verdict);
        Assert.True(conclusion.Notify);
        Assert.Equal(expected, conclusion.TopicArn);
        Assert.Contains($"Run: {begun.RunId}", conclusion.Message, StringComparison.Ordinal);
    }

    private async Task<BeginResult> BeginAsync()
    {
        await _plans.SaveAsync("prod", PlanSamples.Valid, T0, default);
        return await new BeginDrill(_plans, _runs, _requests, _clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default);
    }

    private async Task<TargetRun> RestoringAsync()
    {
        var begun = await BeginAsync();
        var record = await _runs.GetTargetAsync(begun.RunId, "orders", default);
        await _runs.SaveTargetAsync(record with { Stage = TargetStage.Resolved, RecoveryPoint = new RecoveryPoint(RecoveryPoint.Pitr, null, T0.AddMinutes(-5)) }, default);
        await new StartRestore(_runs, _scratch, _clock).ExecuteAsync(new TargetRef(begun.RunId, "orders"), default);
        return await _runs.GetTargetAsync(begun.RunId, "orders", default);
    }

    private static string ScratchName(string runId) => $"drill-{runId}-orders-prod";
}
