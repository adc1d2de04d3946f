using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Processes;
using DrillRunner.Local.Workflow;
using Xunit.Abstractions;

namespace DrillRunner.Local.Tests;

/// <summary>
/// A fault at every Task state of the drill machine, enumerated from the ASL itself (a new state is
/// covered without touching this test): a transient fault a Retry absorbs (all of them in one drill,
/// since they do not change its path), and per state a persistent fault and a real timeout. Every case must end with a verdict recorded, teardown run, nothing left, the plan's
/// lock released and no source written - or, where the fault is in teardown itself, with what is
/// left named in the run record.
/// </summary>
public sealed class FaultMatrixTests(FaultMatrixFixture fixture, ITestOutputHelper output) : IClassFixture<FaultMatrixFixture>
{
    /// <summary>How a persistent fault in a state should end the drill, for states whose Catch does not say it by itself.</summary>
    private static readonly Dictionary<string, Expected> ByState = new(StringComparer.Ordinal)
    {
        // Reporting is best effort: the drill's own verdict stands.
        ["Notify"] = Expected.SameVerdict,
        ["ReportValidation"] = Expected.SameVerdict,
        ["RecordValidation"] = Expected.SameVerdict,

        // An unreadable auto scaling makes the runbook gap incomplete (and says so), not the target failed.
        ["ReadSourceScaling"] = Expected.SameVerdict,

        // The failure recorder itself failing ends that target's child execution unrecorded; the Map
        // tolerates it, the other targets finish, and the conclusion names the target as never finished.
        ["RecordTargetFailure"] = Expected.NeverFinished,

        // Untagged, unfound or undeletable resources cannot pass the guard: they are left and named.
        ["TagRestoredResource"] = Expected.LeftAndNamed,
        ["FindRunResources"] = Expected.LeftAndNamed,
        ["Teardown"] = Expected.LeftAndNamed,
        ["DeleteDBInstance"] = Expected.LeftAndNamed,
        ["DeleteDBCluster"] = Expected.LeftAndNamed,
        ["DeleteVolume"] = Expected.LeftAndNamed,
        ["DeleteFileSystem"] = Expected.LeftAndNamed,
    };

    private enum Expected
    {
        SameVerdict,
        TargetFails,
        RunnerError,
        NeverFinished,
        NoRun,
        LeftAndNamed,
    }

    [Fact]
    public async Task EveryTaskState_UnderATransientAPersistentAndATimeoutFault_EndsRecordedAndClean()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var baseline = await fixture.DrillAsync(null, cancel.Token);
        Assert.Equal(Verdict.Fail, baseline.Run.Verdict);
        Assert.Equal(["data", "lost"], baseline.Targets.Values.Where(t => t.Stage == TargetStage.Failed).Select(t => t.TargetId).Order());
        AssertClean(baseline, expectLeft: false);
        // CheckRelations does real work in every case: a reference sampled and looked up, a ratio, one whose target failed.
        Assert.Equal(
            ["invoices-per-order: holds", "lost-orders: not checked", "orders-exist: holds"],
            baseline.Run.Relations.Select(r => $"{r.RelationId}: {RelationSummary.Outcome(r)}").Order(StringComparer.Ordinal));
        Assert.Equal(40, Assert.Single(baseline.Run.Relations, r => r.RelationId == "orders-exist").References);

        var tasks = TaskStates();
        var visited = baseline.Execution.Events.Where(e => e.Type == "StateEntered").Select(e => e.State).ToHashSet();
        // The runner's error recorder is reached only when the runner fails: the persistent faults below reach it.
        Assert.Equal(["RecordRunnerError"], tasks.Keys.Where(t => !visited.Contains(t)).Order());

        // Transient faults do not change the path a drill takes, so one drill carries them all: every
        // state's first attempt fails, every Retry must absorb it, and the drill must end as the baseline did.
        var transient = tasks.Keys.Where(visited.Contains).ToDictionary(s => s, s => new TaskFault(TransientError(tasks[s].Resource), 1), StringComparer.Ordinal);
        var absorbed = await fixture.DrillAsync(transient, cancel.Token);
        var fired = absorbed.Execution.Events.Where(e => e.Type == "FaultInjected").Select(e => e.State!).ToHashSet();
        Assert.Equal(transient.Keys.Order(), fired.Order());
        var transientProblems = Check(absorbed, baseline, new TaskFault("(every transient fault)", 1), Expected.SameVerdict).ToList();
        Assert.True(transientProblems.Count == 0, string.Join("; ", transientProblems));

        var cases = tasks.Keys.Where(visited.Contains)
            .SelectMany(state => new[]
            {
                (State: state, Kind: "persistent", Fault: new TaskFault(TransientError(tasks[state].Resource), TaskFault.Always)),
                (State: state, Kind: "timeout", Fault: new TaskFault(TaskFault.Timeout, TaskFault.Always)),
            })
            .ToList();

        var problems = new ConcurrentBag<string>();
        var rows = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(3);
        await Task.WhenAll(cases.Select(async c =>
        {
            await slots.WaitAsync(cancel.Token);
            try
            {
                var drilled = await fixture.DrillAsync(new Dictionary<string, TaskFault> { [c.State] = c.Fault }, cancel.Token);
                var expected = Expect(c.State, tasks[c.State]);
                foreach (var problem in Check(drilled, baseline, c.Fault, expected))
                {
                    problems.Add($"{c.State} / {c.Kind} ({c.Fault.Error}): {problem}");
                }

                rows[$"{c.State}/{c.Kind}"] = Describe(drilled);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                problems.Add($"{c.State} / {c.Kind}: {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                slots.Release();
            }
        }));

        output.WriteLine($"| Task state | transient | persistent | timeout |");
        output.WriteLine($"|---|---|---|---|");
        foreach (var state in tasks.Keys.Where(visited.Contains))
        {
            output.WriteLine($"| {state} | {Describe(absorbed)} | {rows.GetValueOrDefault($"{state}/persistent")} | {rows.GetValueOrDefault($"{state}/timeout")} |");
        }

        Assert.True(problems.IsEmpty, string.Join(System.Environment.NewLine, problems.Order()));
        Assert.True(cases.Count >= 70, $"the matrix shrank to {cases.Count} cases");
    }

    [Fact]
    public async Task EveryTaskStateOfTheJanitor_UnderAFault_HarmsNothing_AndTheNextSweepEndsClean()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var tasks = TaskStates(RepoPaths.JanitorDefinition);
        var environment = fixture.Environment;
        environment.Aws.TaggedResourcesPageSize = 2; // the janitor pages through GetResources
        try
        {
            var baselineRun = await StoppedRunAsync(cancel.Token);
            var baseline = await environment.RunJanitorAsync(FaultMatrixFixture.Prefix, cancel.Token);
            Assert.True(baseline.Succeeded, $"{baseline.Error}: {baseline.Cause}");
            Assert.Empty(ScratchLeft(baselineRun));
            var visited = baseline.Events.Where(e => e.Type == "StateEntered").Select(e => e.State).ToHashSet();
            Assert.Equal(tasks.Keys.Order(), tasks.Keys.Where(visited.Contains).Order());

            // Every state's first attempt fails at once; every Retry must absorb its fault.
            var transientRun = await StoppedRunAsync(cancel.Token);
            var absorbed = await environment.RunJanitorAsync(FaultMatrixFixture.Prefix, cancel.Token, tasks.ToDictionary(t => t.Key, t => new TaskFault(TransientError(t.Value.Resource), 1), StringComparer.Ordinal));
            Assert.Equal(tasks.Keys.Order(), absorbed.Events.Where(e => e.Type == "FaultInjected").Select(e => e.State!).Distinct().Order());
            Assert.True(absorbed.Succeeded, $"{absorbed.Error}: {absorbed.Cause}");
            Assert.Empty(ScratchLeft(transientRun));

            // A persistent fault or a timeout at each state: the sweep stops short, and the next one
            // (a day later in AWS) must still delete everything the stopped run left. Three at a time.
            // Each case has its own scratch prefix, so concurrent sweeps never take each other's work.
            var problems = new ConcurrentBag<string>();
            using var slots = new SemaphoreSlim(3);
            var cases = tasks.SelectMany(t => new[] { (State: t.Key, Fault: new TaskFault(TransientError(t.Value.Resource), TaskFault.Always)), (State: t.Key, Fault: new TaskFault(TaskFault.Timeout, TaskFault.Always)) }).ToList();
            await Task.WhenAll(cases.Select(async (c, i) =>
            {
                await slots.WaitAsync(cancel.Token);
                try
                {
                    var prefix = $"fj{i}-";
                    var runId = await StoppedRunAsync(cancel.Token, prefix);
                    var faulty = await environment.RunJanitorAsync(prefix, cancel.Token, new Dictionary<string, TaskFault> { [c.State] = c.Fault });
                    if (!faulty.Events.Any(e => e.Type == "FaultInjected" && e.State == c.State))
                    {
                        problems.Add($"{c.State} / {c.Fault.Error}: the fault never fired");
                    }

                    if (ScratchLeft(runId, prefix).Any())
                    {
                        await environment.RunJanitorAsync(prefix, cancel.Token);
                    }

                    foreach (var left in ScratchLeft(runId, prefix))
                    {
                        problems.Add($"{c.State} / {c.Fault.Error}: the next sweep left {left}");
                    }
                }
                finally
                {
                    slots.Release();
                }
            }));

            Assert.True(problems.IsEmpty, string.Join(System.Environment.NewLine, problems.Order()));
        }
        finally
        {
            environment.Aws.TaggedResourcesPageSize = 100;
        }
    }

    /// <summary>A drill of the estate stopped once every target is restored (no teardown ran): all its scratch resources are the janitor's.</summary>
    private async Task<string> StoppedRunAsync(CancellationToken cancellationToken, string prefix = FaultMatrixFixture.Prefix)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? stoppedRun = null;
        var drill = fixture.DrillAsync(null, stop.Token, e =>
        {
            if (e.Type == "StateEntered" && e.State == "CheckHealth")
            {
                stoppedRun = e.RunId;
                stop.Cancel();
            }
        }, prefix);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drill);
        await Task.Delay(300, cancellationToken);
        var run = await fixture.Environment.Services.Runs.GetAsync(stoppedRun!, cancellationToken);
        var ended = await fixture.Environment.EndExecutionAsync(run.ExecutionId!, "ABORTED", cancellationToken);
        Assert.True(ended.Marked, ended.Message);
        Assert.NotEmpty(ScratchLeft(ended.RunId!, prefix));
        return ended.RunId!;
    }

    [Fact]
    public async Task EveryFunction_DeliveredTwice_LeavesWhatOneDeliveryLeaves()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var once = await fixture.DrillAsync(null, cancel.Token);
        Drilled twice;
        fixture.Environment.Functions.DeliverTwice = true;
        try
        {
            twice = await fixture.DrillAsync(null, cancel.Token);
        }
        finally
        {
            fixture.Environment.Functions.DeliverTwice = false;
        }

        // One run, the same verdict, the same counts, one restore per target, and a clean teardown.
        Assert.Single(await fixture.Environment.Services.Runs.HistoryAsync(twice.PlanName!, null, 10, cancel.Token));
        Assert.Equal(once.Run.Verdict, twice.Run.Verdict);
        Assert.Equal(FailedTargets(once), FailedTargets(twice));
        foreach (var (id, target) in once.Targets)
        {
            Assert.Equal(target.Verification?.ItemCount, twice.Targets[id].Verification?.ItemCount);
            Assert.Equal(target.Bucket?.Restored.Objects, twice.Targets[id].Bucket?.Restored.Objects);
        }

        var restoredTables = fixture.Environment.StandIn.RestoredTables.Where(r => r.Key.Contains(twice.Run.RunId, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(restoredTables);
        Assert.All(restoredTables, r => Assert.Equal(1, r.Value));
        var jobs = fixture.Environment.Aws.Calls
            .Where(c => c.Action == "startRestoreJob" && c.Input["IdempotencyToken"]!.GetValue<string>().Contains(twice.Run.RunId, StringComparison.Ordinal))
            .GroupBy(c => c.Input["IdempotencyToken"]!.GetValue<string>())
            .ToList();
        Assert.Equal(5, jobs.Count);
        Assert.All(jobs, j => Assert.Single(j.Select(c => c.Output?["RestoreJobId"]?.GetValue<string>()).Distinct()));
        var notes = string.Join("; ", twice.Targets.Values.Where(x => x.Scratch is not null).Select(x => $"{x.TargetId}: tornDown={x.Scratch!.TornDown} {x.Scratch.TeardownNote}"));
        Assert.True(!Unclean(twice).Any(), $"{string.Join("; ", Unclean(twice))} | {notes} | {twice.Execution.Output}");
    }

    [Fact]
    public async Task TwoPlans_SharingEverySource_DrilledAtOnce_EachEndsAsItWouldAlone()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var alone = await fixture.DrillAsync(null, cancel.Token);

        var both = await Task.WhenAll(fixture.DrillAsync(null, cancel.Token), fixture.DrillAsync(null, cancel.Token));

        Assert.NotEqual(both[0].Run.RunId, both[1].Run.RunId);
        Assert.NotEqual(both[0].PlanName, both[1].PlanName);
        foreach (var drilled in both)
        {
            Assert.Equal(alone.Run.Verdict, drilled.Run.Verdict);
            Assert.Equal(FailedTargets(alone), FailedTargets(drilled));
            Assert.Empty(Unclean(drilled));

            // Each teardown deleted its own scratch resources, named with its own run id, and refused nothing.
            Assert.All(drilled.Targets.Values.Where(t => t.Scratch is not null), t =>
            {
                Assert.Contains(drilled.Run.RunId, t.Scratch!.Name, StringComparison.Ordinal);
                Assert.True(t.Scratch.TornDown, $"{t.TargetId}: {t.Scratch.TeardownNote}");
            });
        }
    }

    [Theory]
    [InlineData("a string", "\"yes\"")]
    [InlineData("a number", "42")]
    [InlineData("an array", "[true]")]
    [InlineData("passed as text", "{ \"passed\": \"yes\" }")]
    [InlineData("no verdict at all", "{ \"message\": \"looks fine\" }")]
    public async Task Verifier_AnsweringGarbage_FailsItsTargetAsVerifierFailed_AndTheDrillEndsClean(string why, string answer)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var drilled = await WithVerifierAsync(_ => JsonNode.Parse(answer)!, cancel.Token);

        Assert.True(drilled.Targets["data"].Failure?.Error == "VerifierFailed", $"{why}: {drilled.Targets["data"].Failure}");
        Assert.Equal(Verdict.Fail, drilled.Run.Verdict);
        Assert.Empty(Unclean(drilled));
    }

    [Fact]
    public async Task Verifier_AnsweringOneMegabyte_EndsOnlyItsTarget_AndNoStateExceedsThePayloadQuota()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var drilled = await WithVerifierAsync(_ => new JsonObject { ["passed"] = true, ["details"] = new string('x', 1_000_000) }, cancel.Token);

        // In AWS the answer is over the 256 KB quota: States.DataLimitExceeded ends the target's child execution, uncatchably.
        Assert.Equal(Verdict.Error, drilled.Run.Verdict);
        Assert.Contains("data (stopped at", drilled.Run.VerdictReason, StringComparison.Ordinal);
        Assert.Equal(TargetStage.Verified, drilled.Targets["files"].Stage);
        Assert.True(drilled.Execution.LargestPayload.Bytes < 262_144, $"{drilled.Execution.LargestPayload.State}: {drilled.Execution.LargestPayload.Bytes} bytes");
        Assert.Empty(Unclean(drilled));
    }

    private async Task<Drilled> WithVerifierAsync(Func<JsonObject, JsonNode> verifier, CancellationToken cancellationToken)
    {
        fixture.Environment.Functions.AddVerifier(FaultMatrixFixture.Verifier, verifier);
        try
        {
            return await fixture.DrillAsync(null, cancellationToken);
        }
        finally
        {
            fixture.Environment.Functions.AddVerifier(FaultMatrixFixture.Verifier, FaultMatrixFixture.SaysNo);
        }
    }

    private IEnumerable<string> Check(Drilled drilled, Drilled baseline, TaskFault fault, Expected expected)
    {
        if (expected == Expected.NoRun)
        {
            if (drilled.Execution.RunId is not null)
            {
                yield return "a run began although BeginDrill failed";
            }

            if (fixture.Environment.Services.Runs.GetPlanLockAsync(drilled.PlanName!, TimeProvider.System.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult() is { } holder)
            {
                yield return $"the plan's lock is held by {holder.RunId}";
            }

            yield break;
        }

        if (drilled.Run is null)
        {
            yield return $"no run was recorded ({drilled.Execution.Error}: {drilled.Execution.Cause})";
            yield break;
        }

        if (drilled.Run.Verdict is null)
        {
            yield return "no verdict was recorded";
        }

        switch (expected)
        {
            case Expected.SameVerdict when drilled.Run.Verdict != baseline.Run.Verdict || !FailedTargets(drilled).SequenceEqual(FailedTargets(baseline)):
                yield return $"verdict {drilled.Run.Verdict} with failed [{string.Join(", ", FailedTargets(drilled))}], not {baseline.Run.Verdict} with [{string.Join(", ", FailedTargets(baseline))}]";
                break;
            // A finding fails the target (FAIL); the runner's own failure there is recorded on the target and makes the run ERROR.
            case Expected.TargetFails when drilled.Run.Verdict is not (Verdict.Fail or Verdict.Error) || !drilled.Targets.Values.Any(t => Names(t.Failure, fault)):
                yield return $"verdict {drilled.Run.Verdict}; no target failed naming {fault.Error}: {string.Join("; ", drilled.Targets.Values.Where(t => t.Failure is not null).Select(t => $"{t.TargetId}: {t.Failure!.Error}: {t.Failure.Reason}"))}";
                break;
            case Expected.NeverFinished when drilled.Run.Verdict != Verdict.Error || drilled.Run.VerdictReason?.Contains("never finished", StringComparison.Ordinal) != true:
                yield return $"verdict {drilled.Run.Verdict} ({drilled.Run.VerdictReason}), not ERROR naming a target that never finished";
                break;
            case Expected.RunnerError when drilled.Run.Verdict != Verdict.Error || drilled.Run.RunnerError?.Contains(fault.Error, StringComparison.Ordinal) != true:
                yield return $"verdict {drilled.Run.Verdict} ({drilled.Run.RunnerError}), not ERROR naming {fault.Error}";
                break;
        }

        foreach (var problem in expected == Expected.LeftAndNamed ? LeftIsNamed(drilled) : Unclean(drilled))
        {
            yield return problem;
        }
    }

    private static bool Names(TargetFailure? failure, TaskFault fault) =>
        failure is not null && (failure.Error == fault.Error || failure.Reason.Contains(fault.Error, StringComparison.Ordinal));

    private static IEnumerable<string> FailedTargets(Drilled drilled) => drilled.Targets.Values.Where(t => t.Stage == TargetStage.Failed).Select(t => t.TargetId).Order();

    private void AssertClean(Drilled drilled, bool expectLeft)
    {
        var problems = expectLeft ? LeftIsNamed(drilled).ToList() : Unclean(drilled).ToList();
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    /// <summary>Teardown ran, deleted everything this run created, and let go of the plan.</summary>
    private IEnumerable<string> Unclean(Drilled drilled)
    {
        if (drilled.Run.Status != RunStatus.TornDown)
        {
            yield return $"run status {drilled.Run.Status}, not TornDown";
        }

        if (drilled.Run.HoldsPlanLock)
        {
            yield return "the plan's lock is still held";
        }

        // A restore job that completed after the step recording it failed leaves what it made unknown to
        // the run (in AWS as here): teardown cannot delete it, but the run must say so, target by target.
        var left = ScratchLeft(drilled.Run.RunId).ToList();
        var named = drilled.Targets.Values.Count(t => t.Scratch is { TornDown: false, TeardownNote: { } note } && note.StartsWith("left:", StringComparison.Ordinal));
        if (left.Count > named)
        {
            yield return $"left behind: {string.Join(", ", left)}; the run names {named}";
        }
    }

    /// <summary>Teardown could not finish: what is left must be the run's to see, never silent.</summary>
    private IEnumerable<string> LeftIsNamed(Drilled drilled)
    {
        var left = ScratchLeft(drilled.Run.RunId).ToList();
        var named = drilled.Targets.Values.Where(t => t.Scratch is { TornDown: false }).ToList();
        if (left.Count > 0 && named.Count == 0 && drilled.Run.Status == RunStatus.TornDown)
        {
            yield return $"left [{string.Join(", ", left)}] but the run says it is torn down";
        }
    }

    /// <summary>Scratch resources of this run still there: tables, buckets, and the local AWS world's databases, volumes and file systems.</summary>
    private IEnumerable<string> ScratchLeft(string runId, string prefix = FaultMatrixFixture.Prefix)
    {
        var environment = fixture.Environment;
        var scratch = $"{prefix}{runId}";
        // ListTables still lists a table that is being deleted: give a deletion in progress time to end.
        foreach (var table in environment.ScratchTablesLeftAsync(scratch, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult())
        {
            yield return $"table {table}";
        }

        foreach (var bucket in environment.S3.BucketNames.Where(b => b.StartsWith(scratch, StringComparison.Ordinal)))
        {
            yield return $"bucket {bucket}";
        }

        // Tables and buckets are real (listed above); the world keeps only a record of them.
        var recordsOnly = new[] { Core.Kinds.ScratchKinds.RdsInstance, Core.Kinds.ScratchKinds.RdsCluster, Core.Kinds.ScratchKinds.EbsVolume, Core.Kinds.ScratchKinds.EfsFileSystem };
        foreach (var resource in environment.Aws.Resources.Where(r => !r.IsSource && !r.Deleted && recordsOnly.Contains(r.Kind) && (r.Id.Contains(runId, StringComparison.Ordinal) || r.Tags.Values.Contains(runId))))
        {
            yield return $"{resource.Kind} {resource.Arn}";
        }
    }

    private string Describe(Drilled drilled)
    {
        if (drilled.Run is null)
        {
            return "no run";
        }

        var left = drilled.Run.RunId is { } runId ? ScratchLeft(runId).Count() : 0;
        return $"{(drilled.Run.Verdict is { } verdict ? VerdictNames.Of(verdict) : "no verdict")}{(drilled.Run.Status == RunStatus.TornDown ? ", torn down" : $", {drilled.Run.Status}")}{(left > 0 ? $", {left} left" : "")}";
    }

    private static Expected Expect(string state, (string Resource, string? CatchNext, bool IsStart) task) => task switch
    {
        { IsStart: true } => Expected.NoRun,
        _ when ByState.TryGetValue(state, out var known) => known,
        { CatchNext: "RecordTargetFailure" or "VerifierFailed" } => Expected.TargetFails,
        { CatchNext: "RecordRunnerError" } => Expected.RunnerError,
        _ => throw new InvalidOperationException($"Task state {state} (Catch -> {task.CatchNext}) is new: say in ByState how a persistent fault there must end."),
    };

    /// <summary>What a real transient failure of the state's kind of call is named.</summary>
    private static string TransientError(string resource) => resource switch
    {
        "arn:aws:states:::lambda:invoke" => "Lambda.ServiceException",
        "arn:aws:states:::sns:publish" => "SNS.InternalErrorException",
        _ => "States.TaskFailed",
    };

    /// <summary>Every Task state of a machine (the drill's by default; Map item processors included): its resource, where its Catch goes, and whether it starts the machine.</summary>
    private static Dictionary<string, (string Resource, string? CatchNext, bool IsStart)> TaskStates(string? definition = null)
    {
        var machine = JsonNode.Parse(LocalStateMachine.Definition(LocalStateMachine.LocalSubstitutions(), definition ?? RepoPaths.StateMachineDefinition))!.AsObject();
        var start = machine["StartAt"]!.GetValue<string>();
        var found = new Dictionary<string, (string, string?, bool)>(StringComparer.Ordinal);
        Collect(machine["States"]!.AsObject());
        return found;

        void Collect(JsonObject states)
        {
            foreach (var (name, node) in states)
            {
                var state = node!.AsObject();
                if (state["Type"]!.GetValue<string>() == "Task")
                {
                    found[name] = (state["Resource"]!.GetValue<string>(), state["Catch"]?.AsArray().LastOrDefault()?["Next"]?.GetValue<string>(), name == start);
                }

                if (state["ItemProcessor"] is JsonObject processor)
                {
                    Collect(processor["States"]!.AsObject());
                }
            }
        }
    }
}
