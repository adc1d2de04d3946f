using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Plans;

namespace DrillRunner.Core.Tests.Drills;

/// <summary>A run's life over in-memory ports and a fake clock: beginning, locks, failures, conclusion.</summary>
public sealed class RunLifecycleTests : DrillOnFakes
{
    [Fact]
    public async Task Begin_CreatesRunAtT0WithEveryTargetPendingAndTakesTheLock()
    {
        var begun = await BeginAsync();

        Assert.True(begun.Started);
        var run = await Runs.GetAsync(begun.RunId, default);
        Assert.Equal(T0, run.StartedAt);
        Assert.Equal(1, run.PlanVersion);
        Assert.Equal(["orders"], run.TargetIds);
        Assert.Equal(TargetStage.Pending, (await Runs.GetTargetAsync(begun.RunId, "orders", default)).Stage);
        Assert.Equal(begun.RunId, Runs.Locks["prod"].RunId);
    }

    [Fact]
    public async Task Begin_WhilePlanIsLocked_RefusesAndNamesTheHolder()
    {
        var first = await BeginAsync();
        Clock.Advance(TimeSpan.FromMinutes(3));

        var second = await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(2)).ExecuteAsync(new BeginRequest("prod", "manual", "release 4.2", "ana", null), default);

        Assert.False(second.Started);
        Assert.Contains(first.RunId, second.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 03:00:00Z", second.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Rejected, (await Runs.GetAsync(second.RunId, default)).Status);
    }

    [Fact]
    public async Task Begin_DeliveredTwiceForOneExecution_AnswersWithTheRunItBegan()
    {
        await Plans.SaveAsync("prod", PlanSamples.Valid, T0, default);
        var request = new BeginRequest("prod", "schedule", null, null, "arn:aws:states:eu-west-1:111122223333:execution:restore-drill:weekly-1");

        var first = await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(request, default);
        Clock.Advance(TimeSpan.FromSeconds(40));
        var again = await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(2)).ExecuteAsync(request, default);

        Assert.True(again.Started);
        Assert.Equal(first.RunId, again.RunId);
        Assert.Equal(first.Targets.Select(t => t.TargetId), again.Targets.Select(t => t.TargetId));
        Assert.Single(await Runs.HistoryAsync("prod", null, 10, default));
    }

    [Fact]
    public async Task Begin_RunRecordCannotBeWrittenAfterTheLock_ReleasesTheLockAndSaysWhy()
    {
        await Plans.SaveAsync("prod", PlanSamples.Valid, T0, default);
        Runs.FailCreate = new InvalidOperationException("Item size has exceeded the maximum allowed size");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default));

        Assert.Contains("maximum allowed size", error.Message, StringComparison.Ordinal);
        Assert.Empty(Runs.Locks);
    }

    [Fact]
    public async Task Begin_ResourceInAnotherAccountThanTheStack_RecordsErrorNamingTheTarget()
    {
        await Plans.SaveAsync("prod", """
            { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
              "targets": [ { "id": "db", "type": "aws-backup", "resourceArn": "arn:aws:rds:eu-west-1:999999999999:db:billing" } ] }
            """, T0, default);

        var begun = await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(
            new BeginRequest("prod", "schedule", null, null, "arn:aws:states:eu-west-1:111122223333:execution:drill-runner-restore-drill:weekly"), default);

        Assert.False(begun.Started);
        var run = await Runs.GetAsync(begun.RunId, default);
        Assert.Equal(Verdict.Error, run.Verdict);
        Assert.Contains("$.targets[0].resourceArn", run.VerdictReason, StringComparison.Ordinal);
        Assert.Contains("account '999999999999', not '111122223333'", run.VerdictReason, StringComparison.Ordinal);
        Assert.Empty(Runs.Locks);
    }

    [Fact]
    public async Task Begin_InvalidStoredPlan_RecordsErrorAndStartsNothing()
    {
        await Plans.SaveAsync("prod", PlanSamples.With("\"scratchPrefix\": \"drill-\"", "\"scratchPrefix\": \"\""), T0, default);

        var begun = await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default);

        Assert.False(begun.Started);
        var run = await Runs.GetAsync(begun.RunId, default);
        Assert.Equal(Verdict.Error, run.Verdict);
        Assert.Contains("$.scratchPrefix", run.VerdictReason, StringComparison.Ordinal);
        Assert.Empty(Runs.Locks);
    }

    [Fact]
    public async Task Begin_UnknownPlan_ThrowsPlanNotFoundWithTheFix()
    {
        var error = await Assert.ThrowsAsync<PlanNotFound>(() => new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(new BeginRequest("nope", null, null, null, null), default));

        Assert.Contains("drill plan apply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordTargetFailure_KeepsTheLambdaErrorMessageAndClassifiesIt()
    {
        var target = await RestoringAsync();
        var cause = """{"errorType":"VerificationFailed","errorMessage":"restored 10 items, expected at least 99"}""";

        await new RecordTargetFailure(Runs).ExecuteAsync(new TargetFailureInput(target.RunId, "orders", new TaskError("VerificationFailed", cause)), default);

        var failure = (await Runs.GetTargetAsync(target.RunId, "orders", default)).Failure!;
        Assert.Equal("restored 10 items, expected at least 99", failure.Reason);
        Assert.False(failure.IsRunnerError);
    }

    [Theory]
    [InlineData(true, "arn:aws:sns:eu-west-1:123456789012:drills")]
    [InlineData(false, "arn:aws:sns:eu-west-1:123456789012:stack-default")]
    public async Task Conclude_NotifiesThePlansTopicOrElseTheStacksDefault(bool planNamesTopic, string expected)
    {
        var plan = planNamesTopic ? PlanSamples.Valid : PlanSamples.With("\"snsTopicArn\": \"arn:aws:sns:eu-west-1:123456789012:drills\"", "\"snsTopicArn\": null");
        await Plans.SaveAsync("prod", plan, T0, default);
        var begun = await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default);

        var conclusion = await new ConcludeDrill(Runs, Clock, "arn:aws:sns:eu-west-1:123456789012:stack-default").ExecuteAsync(new RunRef(begun.RunId), default);

        Assert.Equal("ERROR", conclusion.Verdict);
        Assert.True(conclusion.Notify);
        Assert.Equal(expected, conclusion.TopicArn);
        Assert.Contains($"Run: {begun.RunId}", conclusion.Message, StringComparison.Ordinal);
    }
}
