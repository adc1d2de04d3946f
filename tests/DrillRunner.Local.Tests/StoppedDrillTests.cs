using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;
using DrillRunner.Core.Runs;

namespace DrillRunner.Local.Tests;

/// <summary>
/// Drills that do not get to finish on their own: an execution stopped mid-way (a stopped execution
/// runs no Catch) and a drill that reaches its time limit. Each must end with a recorded verdict,
/// a free plan, and nothing left once the janitor has been.
/// </summary>
public sealed class StoppedDrillTests
{
    private const string Plan = """
        { "name": "stoppable", "objectives": { "rtoMinutes": 30, "rpoMinutes": 60 }, "scratchPrefix": "drill-", "restoreTimeoutMinutes": 60,
          "targets": [ { "id": "orders", "type": "dynamodb", "tableName": "orders", "restoreFrom": "pitr", "verification": { "minItemCount": 40 } } ] }
        """;

    [Theory]
    [InlineData("CheckRestore", "restoring")]
    [InlineData("VerifyTarget", "verifying")]
    [InlineData("Teardown", "tearing down")]
    public async Task ExecutionStopped_MarksTheRunStopped_FreesThePlan_AndTheJanitorDeletesWhatItLeft(string state, string point)
    {
        await using var local = await StartAsync(timeLimit: null, restore: TimeSpan.FromSeconds(1));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stopNow = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);

        string? stoppedRun = null;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => local.RunDrillAsync(Input(), e =>
        {
            if (e.Type == "StateEntered" && e.State == state)
            {
                stoppedRun = e.RunId;
                stopNow.Cancel(); // StopExecution: the engine is gone, no Catch runs.
            }
        }, stopNow.Token));
        await Task.Delay(500, stop.Token); // a function already invoked may still finish, as in AWS
        var executionArn = (await local.Services.Runs.GetAsync(stoppedRun!, stop.Token)).ExecutionId!;
        var ended = await local.EndExecutionAsync(executionArn, "ABORTED", stop.Token);

        var runId = Assert.IsType<string>(ended.RunId);
        Assert.Equal(stoppedRun, runId);
        var run = await local.Services.Runs.GetAsync(runId, stop.Token);
        // Stopped during teardown, the teardown already invoked may still have finished: either way the run has ended.
        Assert.True(run.Status == RunStatus.Stopped || (state == "Teardown" && run.Status == RunStatus.TornDown), $"{point}: {run.Status}");
        Assert.NotNull(run.Verdict);
        Assert.False(run.HoldsPlanLock, point);
        Assert.Null(await local.Services.Runs.GetPlanLockAsync("stoppable", TimeProvider.System.GetUtcNow(), stop.Token));
        if (run.Status == RunStatus.Stopped)
        {
            Assert.Contains("ABORTED", run.VerdictReason, StringComparison.Ordinal);
        }

        // The janitor's next sweeps (a table still being restored cannot be deleted yet).
        for (var sweep = 0; sweep < 20 && (await local.TablesStartingWithAsync($"drill-{runId}", stop.Token)).Count > 0; sweep++)
        {
            await local.RunJanitorAsync("drill-", stop.Token);
            await Task.Delay(300, stop.Token);
        }

        Assert.Empty(await local.ScratchTablesLeftAsync($"drill-{runId}", TimeSpan.FromSeconds(5), TimeProvider.System, stop.Token));
        Assert.Empty(local.SourceWrites);
    }

    [Fact]
    public async Task EndedExecution_WithoutARun_OrAfterTeardown_ChangesNothing()
    {
        await using var local = await StartAsync(timeLimit: null, restore: TimeSpan.FromMilliseconds(200));
        var execution = await local.RunDrillAsync(Input(), null, default);
        var before = await local.Services.Runs.GetAsync(execution.RunId!, default);

        var late = await local.EndExecutionAsync(before.ExecutionId!, "FAILED", default);
        var stranger = await local.EndExecutionAsync("arn:aws:states:us-east-1:000000000000:execution:restore-drill:never-began", "ABORTED", default);

        Assert.False(late.Marked);
        var after = await local.Services.Runs.GetAsync(execution.RunId!, default);
        Assert.Equal((before.Status, before.Verdict, before.VerdictReason), (after.Status, after.Verdict, after.VerdictReason));
        Assert.False(stranger.Marked);
        Assert.Null(stranger.RunId);
    }

    [Fact]
    public async Task Drill_ReachingItsTimeLimit_EndsItselfWithAVerdictAndTearsDown()
    {
        var limit = TimeSpan.FromSeconds(5);
        await using var local = await StartAsync(limit, restore: TimeSpan.FromSeconds(12));

        var execution = await local.RunDrillAsync(Input(), null, default);

        Assert.Equal("DrillDidNotPass", execution.Error); // how the machine ends on anything but PASS
        var run = await local.Services.Runs.GetAsync(execution.RunId!, default);
        Assert.Equal(DrillDeadline.For(run.StartedAt, limit), run.Deadline);
        Assert.Equal(Verdict.Fail, run.Verdict);
        Assert.Contains("ran out of time", run.VerdictReason, StringComparison.Ordinal);
        var target = Assert.Single(await local.Services.Runs.GetTargetsAsync(run.RunId, default));
        Assert.Equal("DrillOutOfTime", target.Failure?.Error);
        Assert.Equal(RunStatus.TornDown, run.Status);
        Assert.False(run.HoldsPlanLock);
        Assert.Empty(await local.ScratchTablesLeftAsync($"drill-{run.RunId}", TimeSpan.FromSeconds(5), TimeProvider.System, default));
    }

    private static JsonNode Input() => JsonNode.Parse(JsonSerializer.Serialize(new BeginRequest("stoppable", "test", null, null, null), DrillJson.Default.BeginRequest))!;

    private static async Task<LocalDrillEnvironment> StartAsync(TimeSpan? timeLimit, TimeSpan restore)
    {
        var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None, timeLimit: timeLimit);
        local.StandIn.Faults.RestoreDuration = restore;
        await SeededTables.CreateAsync(local.DynamoDb, "orders", 40, "ORDER#");
        await local.DynamoDb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = "orders",
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });
        await local.ApplyPlanAsync(Plan, TimeProvider.System, default);
        return local;
    }
}
