using System.Text.Json.Nodes;
using DrillFunctions;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>
/// statemachine/restore-drill.asl.json: begin, every target in its own child execution (native
/// DynamoDB or AWS Backup), health check, conclusion, notification, teardown on every path.
/// </summary>
public static class RestoreDrillWorkflow
{
    public const string FileName = "restore-drill.asl.json";

    public static readonly StateName BeginDrill = StateName.Of<BeginDrillFunction>();
    public static readonly StateName RecordRunnerError = StateName.Of<RecordRunnerErrorFunction>();
    public static readonly StateName Teardown = StateName.Of<TeardownFunction>();
    public static readonly StateName CheckRelations = StateName.Of<CheckRelationsFunction>();
    public static readonly StateName CheckHealth = StateName.Of<CheckHealthFunction>();
    public static readonly StateName ConcludeDrill = StateName.Of<ConcludeDrillFunction>();

    /// <summary>The Map of every target's child execution (its Label too).</summary>
    public static readonly StateName DrillTargets = new(nameof(DrillTargets));

    private static readonly StateName DidBegin = new(nameof(DidBegin));
    private static readonly StateName DrillNotStarted = new(WorkflowErrors.DrillNotStarted);
    private static readonly StateName ShouldNotify = new(nameof(ShouldNotify));
    private static readonly StateName Notify = new(nameof(Notify));
    private static readonly StateName PrepareTeardown = new(nameof(PrepareTeardown));
    private static readonly StateName FindRunResources = new(nameof(FindRunResources));
    private static readonly StateName TeardownDone = new(nameof(TeardownDone));
    private static readonly StateName DeleteScratchResources = new(nameof(DeleteScratchResources));
    private static readonly StateName TeardownFailed = new(WorkflowErrors.TeardownFailed);
    private static readonly StateName DrillOutcome = new(nameof(DrillOutcome));
    private static readonly StateName DrillPassed = new(nameof(DrillPassed));
    private static readonly StateName DrillDidNotPass = new(WorkflowErrors.DrillDidNotPass);

    /// <summary>The way a drill that passes goes (no one notified, nothing left for DeleteScratchResources), for the cost estimate's counts.</summary>
    public static PathRoute PassingRoute => new(
        new Dictionary<StateName, StateName>
        {
            [DidBegin] = DrillTargets,
            [ShouldNotify] = PrepareTeardown,
            [PrepareTeardown] = FindRunResources,
            [TeardownDone] = DrillOutcome,
            [DrillOutcome] = DrillPassed,
        },
        []);

    public static StateMachineDefinition Definition()
    {
        var states = new StateScope(new Catcher(RecordRunnerError));
        states
            .LambdaTask(
                BeginDrill,
                "Load and validate the plan, create the run (T0) and take the plan's lock.",
                new()
                {
                    Function = LambdaFunction.Of<BeginDrillFunction>(),
                    Payload = new JsonObject { ["input.$"] = "$", ["executionId.$"] = "$$.Execution.Id" },
                    Next = DidBegin,
                })
            .Choice(DidBegin, "A plan that is invalid or locked begins no run.", [Rule.IsTrue("$.started", DrillTargets)], DrillNotStarted)
            .Fail(DrillNotStarted, "Nothing was restored, so nothing needs tearing down.", WorkflowErrors.DrillNotStarted, "The plan is invalid or another run of it holds the lock; the run record says which.")
            .Map(
                DrillTargets,
                "Each target in parallel, bounded by the plan's maxConcurrentRestores. Distributed mode: every target is a child execution with its own 25,000-event history, so a plan with hundreds of long restores fits. Every failure is tolerated: a child that ends without recording its target (a terminal error such as States.DataLimitExceeded) must not stop the others; ConcludeDrill names it as never finished.",
                "$.targets",
                new JsonObject { ["MaxConcurrencyPath"] = "$.maxConcurrency", ["ToleratedFailurePercentage"] = 100, ["Label"] = DrillTargets.Value },
                new JsonObject { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = "STANDARD" },
                TargetWorkflow.Processor(),
                resultPath: null,
                CheckRelations)
            .LambdaTask(
                CheckRelations,
                "The plan's relations between restored targets (references sampled with a recorded seed, count ratios from verified counts); reads only scratch resources.",
                new() { Function = LambdaFunction.Of<CheckRelationsFunction>(), Payload = RunOnly, Result = TaskResult.Discarded, Next = CheckHealth })
            .LambdaTask(
                CheckHealth,
                "The plan's health URL must answer after every target restored; its time is T_healthy.",
                new() { Function = LambdaFunction.Of<CheckHealthFunction>(), Payload = RunOnly, Result = TaskResult.Discarded, Next = ConcludeDrill })
            .LambdaTask(
                ConcludeDrill,
                "RTO = T_healthy - T0; RPO = max(T0 - RP); verdict against the objectives.",
                new() { Function = LambdaFunction.Of<ConcludeDrillFunction>(), Payload = RunOnly, Result = TaskResult.PayloadAt("$.conclusion", "result"), Next = ShouldNotify })
            .Choice(ShouldNotify, "The conclusion says whether anyone needs telling.", [Rule.IsTrue("$.conclusion.result.notify", Notify)], PrepareTeardown)
            .Publish(Notify, "A human-readable summary on anything but PASS.", "$.conclusion.result", PrepareTeardown)
            .LambdaTask(
                RecordRunnerError,
                "The runner itself failed: the run is ERROR, and teardown still runs.",
                new()
                {
                    Function = LambdaFunction.Of<RecordRunnerErrorFunction>(),
                    Result = TaskResult.PayloadAt("$.recorded", "result"),
                    Next = PrepareTeardown,
                    OnError = new Catcher(PrepareTeardown, "$.recordError"),
                })
            .Choice(PrepareTeardown, "With a run, first find what is tagged with it: teardown's guard checks live tags.", [Rule.IsPresent("$.runId", FindRunResources)], Teardown)
            .SdkTask(
                FindRunResources,
                $"Every resource tagged with this run, as GetResources answers (a run restores at most {PlanRules.MaxBackupTargets} aws-backup targets: the plan rules say so).",
                Sdk.Tagging("getResources"),
                new JsonObject
                {
                    ["TagFilters"] = new JsonArray(new JsonObject { ["Key"] = TeardownGuard.RunIdTag, ["Values.$"] = "States.Array($.runId)" }),
                    ["ResourcesPerPage"] = TeardownGuard.TaggedResourcesPerPage,
                },
                TaskResult.At("$.tagged"),
                Teardown,
                onError: new Catcher(Teardown, "$.taggedError"))
            .LambdaTask(
                Teardown,
                "Deletes only what this run created, tagged and scratch-named; hands databases, volumes and file systems that pass the guard to DeleteScratchResources; releases the lock. Runs on every path.",
                new()
                {
                    Function = LambdaFunction.Of<TeardownFunction>(),
                    Next = TeardownDone,
                    Retries = [Retrier.For<ScratchTableBusy>(60, 30, 1.5, 300, fullJitter: false)],
                    OnError = new Catcher(TeardownFailed),
                })
            .Choice(TeardownDone, "Teardown answers done: false while it has deletions for the state machine.", [Rule.IsFalse("$.done", DeleteScratchResources)], DrillOutcome)
            .Map(
                DeleteScratchResources,
                "Deletes what no function SDK can: RDS instances and clusters (no final snapshot), EBS volumes, EFS file systems. Teardown records the outcome.",
                "$.deletions",
                new JsonObject { ["MaxConcurrency"] = ScratchDeletions.MaxConcurrency },
                ScratchDeletions.ProcessorConfig,
                ScratchDeletions.Processor(),
                "$.deletionResults",
                Teardown,
                new Catcher(Teardown, "$.deletionError"))
            .Fail(TeardownFailed, "Teardown failed after its retries.", WorkflowErrors.TeardownFailed, "Teardown could not finish: scratch tables may be left; the janitor removes expired ones.")
            .Choice(DrillOutcome, "The execution succeeds only when the drill passed, so a release gate can read its status.", [Rule.Is("$.verdict", VerdictNames.Of(Verdict.Pass), DrillPassed)], DrillDidNotPass)
            .Succeed(DrillPassed, "Restored, verified, healthy, within the objectives, torn down.")
            .Fail(DrillDidNotPass, "The verdict and its reason are in the run record.", WorkflowErrors.DrillDidNotPass, "The drill's verdict was not PASS; the run record holds the verdict and its reason.");

        return new StateMachineDefinition(
            FileName,
            "DrillRunner restore drill: restore the latest recovery point of every target into scratch tables, verify, health-check, measure RTO/RPO, tear down.",
            (int)DrillDeadline.DefaultTimeLimit.TotalSeconds,
            states);
    }

    private static JsonObject RunOnly => new() { ["runId.$"] = "$.runId" };
}
