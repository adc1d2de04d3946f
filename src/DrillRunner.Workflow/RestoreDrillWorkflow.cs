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

    public static readonly string BeginDrill = DrillFunctionCatalog.NameOf<BeginDrillFunction>();
    public static readonly string RecordRunnerError = DrillFunctionCatalog.NameOf<RecordRunnerErrorFunction>();
    public static readonly string Teardown = DrillFunctionCatalog.NameOf<TeardownFunction>();
    public static readonly string CheckHealth = DrillFunctionCatalog.NameOf<CheckHealthFunction>();
    public static readonly string ConcludeDrill = DrillFunctionCatalog.NameOf<ConcludeDrillFunction>();

    public static StateMachineDefinition Definition()
    {
        const string prepareTeardown = "PrepareTeardown";
        var states = new StateScope(new Catcher(RecordRunnerError));
        states
            .LambdaTask(
                BeginDrill,
                "Load and validate the plan, create the run (T0) and take the plan's lock.",
                LambdaFunction.Of<BeginDrillFunction>(),
                new JsonObject { ["input.$"] = "$", ["executionId.$"] = "$$.Execution.Id" },
                TaskResult.Payload,
                "DidBegin")
            .Choice("DidBegin", "A plan that is invalid or locked begins no run.", [Rule.IsTrue("$.started", "DrillTargets")], WorkflowErrors.DrillNotStarted)
            .Fail(WorkflowErrors.DrillNotStarted, "Nothing was restored, so nothing needs tearing down.", WorkflowErrors.DrillNotStarted, "The plan is invalid or another run of it holds the lock; the run record says which.")
            .Map(
                "DrillTargets",
                "Each target in parallel, bounded by the plan's maxConcurrentRestores. Distributed mode: every target is a child execution with its own 25,000-event history, so a plan with hundreds of long restores fits. Every failure is tolerated: a child that ends without recording its target (a terminal error such as States.DataLimitExceeded) must not stop the others; ConcludeDrill names it as never finished.",
                "$.targets",
                new JsonObject { ["MaxConcurrencyPath"] = "$.maxConcurrency", ["ToleratedFailurePercentage"] = 100, ["Label"] = "DrillTargets" },
                new JsonObject { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = "STANDARD" },
                TargetWorkflow.Processor(),
                resultPath: null,
                CheckHealth)
            .LambdaTask(
                CheckHealth,
                "The plan's health URL must answer after every target restored; its time is T_healthy.",
                LambdaFunction.Of<CheckHealthFunction>(),
                RunOnly,
                TaskResult.Discarded,
                ConcludeDrill)
            .LambdaTask(
                ConcludeDrill,
                "RTO = T_healthy - T0; RPO = max(T0 - RP); verdict against the objectives.",
                LambdaFunction.Of<ConcludeDrillFunction>(),
                RunOnly,
                TaskResult.PayloadAt("$.conclusion", "result"),
                "ShouldNotify")
            .Choice("ShouldNotify", "The conclusion says whether anyone needs telling.", [Rule.IsTrue("$.conclusion.result.notify", "Notify")], prepareTeardown)
            .Publish("Notify", "A human-readable summary on anything but PASS.", "$.conclusion.result", prepareTeardown)
            .LambdaTask(
                RecordRunnerError,
                "The runner itself failed: the run is ERROR, and teardown still runs.",
                LambdaFunction.Of<RecordRunnerErrorFunction>(),
                "$",
                TaskResult.PayloadAt("$.recorded", "result"),
                prepareTeardown,
                onError: new Catcher(prepareTeardown, "$.recordError"))
            .Choice(prepareTeardown, "With a run, first find what is tagged with it: teardown's guard checks live tags.", [Rule.IsPresent("$.runId", "FindRunResources")], Teardown)
            .SdkTask(
                "FindRunResources",
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
                LambdaFunction.Of<TeardownFunction>(),
                "$",
                TaskResult.Payload,
                "TeardownDone",
                [Retrier.For<ScratchTableBusy>(60, 30, 1.5, 300, fullJitter: false)],
                new Catcher(WorkflowErrors.TeardownFailed))
            .Choice("TeardownDone", "Teardown answers done: false while it has deletions for the state machine.", [Rule.IsFalse("$.done", "DeleteScratchResources")], "DrillOutcome")
            .Map(
                "DeleteScratchResources",
                "Deletes what no function SDK can: RDS instances and clusters (no final snapshot), EBS volumes, EFS file systems. Teardown records the outcome.",
                "$.deletions",
                new JsonObject { ["MaxConcurrency"] = ScratchDeletions.MaxConcurrency },
                ScratchDeletions.ProcessorConfig,
                ScratchDeletions.Processor(),
                "$.deletionResults",
                Teardown,
                new Catcher(Teardown, "$.deletionError"))
            .Fail(WorkflowErrors.TeardownFailed, "Teardown failed after its retries.", WorkflowErrors.TeardownFailed, "Teardown could not finish: scratch tables may be left; the janitor removes expired ones.")
            .Choice("DrillOutcome", "The execution succeeds only when the drill passed, so a release gate can read its status.", [Rule.Is("$.verdict", VerdictNames.Of(Verdict.Pass), "DrillPassed")], WorkflowErrors.DrillDidNotPass)
            .Succeed("DrillPassed", "Restored, verified, healthy, within the objectives, torn down.")
            .Fail(WorkflowErrors.DrillDidNotPass, "The verdict and its reason are in the run record.", WorkflowErrors.DrillDidNotPass, "The drill's verdict was not PASS; the run record holds the verdict and its reason.");

        return new StateMachineDefinition(
            FileName,
            "DrillRunner restore drill: restore the latest recovery point of every target into scratch tables, verify, health-check, measure RTO/RPO, tear down.",
            (int)DrillDeadline.DefaultTimeLimit.TotalSeconds,
            states);
    }

    private static JsonObject RunOnly => new() { ["runId.$"] = "$.runId" };
}
