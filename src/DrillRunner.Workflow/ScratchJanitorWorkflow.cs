using System.Text.Json.Nodes;
using DrillFunctions;
using DrillRunner.Core.Safety;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>statemachine/scratch-janitor.asl.json: the sweep of what stopped drills left behind (safety rule 5).</summary>
public static class ScratchJanitorWorkflow
{
    public const string FileName = "scratch-janitor.asl.json";

    /// <summary>A sweep that has not finished in an hour is stopped; the next scheduled one starts over.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromHours(1);

    public static StateMachineDefinition Definition()
    {
        var janitor = LambdaFunction.Of<JanitorFunction>();
        var states = new StateScope(new Catcher(WorkflowErrors.JanitorFailed));
        states
            .LambdaTask("SweepTablesAndBuckets", "Scratch tables and buckets: listed by prefix, guarded and deleted by the function itself.", janitor, new JsonObject(), TaskResult.PayloadAt("$.tablesAndBuckets", "report"), "FindTaggedScratch")
            .SdkTask("FindTaggedScratch", "Every resource tagged as a drill's scratch resource, a page at a time.", GetResources, TaggedFilter(paged: false), TaskResult.At("$.page"), "ChooseExpired")
            .SdkTask("FindMoreTaggedScratch", "The next page of them.", GetResources, TaggedFilter(paged: true), TaskResult.At("$.page"), "ChooseExpired")
            .LambdaTask(
                "ChooseExpired",
                "Expired databases, volumes and file systems that pass the three-way guard; everything else is refused and reported.",
                janitor,
                new JsonObject { ["mode"] = "choose", ["tagged.$"] = "$.page" },
                TaskResult.At("$.chosen", new JsonObject { ["deletions.$"] = "$.Payload.deletions", ["refused.$"] = "$.Payload.refused", ["stillInUse.$"] = "$.Payload.stillInUse" }),
                "DeleteExpired")
            .Map(
                "DeleteExpired",
                "The same deletes as the drill's teardown: one definition, ScratchDeletions.",
                "$.chosen.deletions",
                new JsonObject { ["MaxConcurrency"] = ScratchDeletions.MaxConcurrency },
                ScratchDeletions.ProcessorConfig,
                ScratchDeletions.Processor(),
                "$.deleted",
                "RecordSweep")
            .LambdaTask(
                "RecordSweep",
                "Marks each deleted leak torn down in its run's record and reports it.",
                janitor,
                new JsonObject { ["mode"] = "record", ["deletions.$"] = "$.chosen.deletions", ["results.$"] = "$.deleted" },
                TaskResult.PayloadAt("$.recorded", "report"),
                "MorePages")
            .Choice("MorePages", "GetResources says there is more while its PaginationToken is not empty.", [Rule.IsNonEmpty("$.page.PaginationToken", "FindMoreTaggedScratch")], "SweepDone")
            .Succeed("SweepDone", "Every page swept.")
            .Fail(WorkflowErrors.JanitorFailed, "A step failed after its retries.", WorkflowErrors.JanitorFailed, "The sweep could not finish; the next scheduled sweep tries again. The execution's history names the failing step.");

        return new StateMachineDefinition(
            FileName,
            "DrillRunner janitor: deletes scratch resources that stopped drills left behind (safety rule 5), through the same three-way guard as teardown.",
            (int)TimeLimit.TotalSeconds,
            states);
    }

    private static readonly string GetResources = Sdk.Tagging("getResources");

    private static JsonObject TaggedFilter(bool paged)
    {
        var parameters = new JsonObject
        {
            ["TagFilters"] = new JsonArray(new JsonObject { ["Key"] = TeardownGuard.ExpiresAtTag }),
            ["ResourcesPerPage"] = TeardownGuard.TaggedResourcesPerPage,
        };
        if (paged)
        {
            parameters["PaginationToken.$"] = "$.page.PaginationToken";
        }

        return parameters;
    }
}
