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

    private static readonly StateName SweepTablesAndBuckets = new(nameof(SweepTablesAndBuckets));
    private static readonly StateName FindTaggedScratch = new(nameof(FindTaggedScratch));
    private static readonly StateName FindMoreTaggedScratch = new(nameof(FindMoreTaggedScratch));
    private static readonly StateName ChooseExpired = new(nameof(ChooseExpired));
    private static readonly StateName DeleteExpired = new(nameof(DeleteExpired));
    private static readonly StateName RecordSweep = new(nameof(RecordSweep));
    private static readonly StateName MorePages = new(nameof(MorePages));
    private static readonly StateName SweepDone = new(nameof(SweepDone));
    private static readonly StateName JanitorFailed = new(WorkflowErrors.JanitorFailed);

    public static StateMachineDefinition Definition()
    {
        var janitor = LambdaFunction.Of<JanitorFunction>();
        var states = new StateScope(new Catcher(JanitorFailed));
        states
            .LambdaTask(
                SweepTablesAndBuckets,
                "Scratch tables and buckets: listed by prefix, guarded and deleted by the function itself.",
                new() { Function = janitor, Payload = new JsonObject(), Result = TaskResult.PayloadAt("$.tablesAndBuckets", "report"), Next = FindTaggedScratch })
            .SdkTask(FindTaggedScratch, "Every resource tagged as a drill's scratch resource, a page at a time.", GetResources, TaggedFilter(paged: false), TaskResult.At("$.page"), ChooseExpired)
            .SdkTask(FindMoreTaggedScratch, "The next page of them.", GetResources, TaggedFilter(paged: true), TaskResult.At("$.page"), ChooseExpired)
            .LambdaTask(
                ChooseExpired,
                "Expired databases, volumes and file systems that pass the three-way guard; everything else is refused and reported.",
                new()
                {
                    Function = janitor,
                    Payload = new JsonObject { ["mode"] = "choose", ["tagged.$"] = "$.page" },
                    Result = TaskResult.At("$.chosen", new JsonObject { ["deletions.$"] = "$.Payload.deletions", ["refused.$"] = "$.Payload.refused", ["stillInUse.$"] = "$.Payload.stillInUse" }),
                    Next = DeleteExpired,
                })
            .Map(
                DeleteExpired,
                "The same deletes as the drill's teardown: one definition, ScratchDeletions.",
                "$.chosen.deletions",
                new JsonObject { ["MaxConcurrency"] = ScratchDeletions.MaxConcurrency },
                ScratchDeletions.ProcessorConfig,
                ScratchDeletions.Processor(),
                "$.deleted",
                RecordSweep)
            .LambdaTask(
                RecordSweep,
                "Marks each deleted leak torn down in its run's record and reports it.",
                new()
                {
                    Function = janitor,
                    Payload = new JsonObject { ["mode"] = "record", ["deletions.$"] = "$.chosen.deletions", ["results.$"] = "$.deleted" },
                    Result = TaskResult.PayloadAt("$.recorded", "report"),
                    Next = MorePages,
                })
            .Choice(MorePages, "GetResources says there is more while its PaginationToken is not empty.", [Rule.IsNonEmpty("$.page.PaginationToken", FindMoreTaggedScratch)], SweepDone)
            .Succeed(SweepDone, "Every page swept.")
            .Fail(JanitorFailed, "A step failed after its retries.", WorkflowErrors.JanitorFailed, "The sweep could not finish; the next scheduled sweep tries again. The execution's history names the failing step.");

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
