using System.Text.Json.Nodes;
using DrillFunctions;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.RunbookGaps;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>After verification, on both paths: the recovery runbook gap (what the restore lacks that the source has), then on to the path's next step.</summary>
public static partial class TargetWorkflow
{
    private static readonly StateName CompareWithSource = new(nameof(CompareWithSource));
    private static readonly StateName ReadsScaling = new(nameof(ReadsScaling));
    private static readonly StateName ReadSourceScaling = new(nameof(ReadSourceScaling));
    private static readonly StateName RecordScalingGap = new(nameof(RecordScalingGap));
    private static readonly StateName AfterRunbookGap = new(nameof(AfterRunbookGap));

    /// <summary>The runbook gap's choices on a route: the source's auto scaling read or not, then on to <paramref name="then"/>.</summary>
    private static IEnumerable<(StateName Choice, StateName Branch)> RunbookGapRoute(bool readsSourceScaling, StateName then) =>
        [(ReadsScaling, readsSourceScaling ? ReadSourceScaling : AfterRunbookGap), (AfterRunbookGap, then)];

    private static void RunbookGap(StateScope scope)
    {
        var gap = LambdaFunction.Of<RecordRunbookGapFunction>();
        var scaling = EstateCalls.ScalingPolicies;
        scope
            .LambdaTask(
                CompareWithSource,
                "What the restore lacks that the source has (TTL, stream, PITR, deletion protection, tags) and what AWS documents it never carries; reads the source, never writes it.",
                new()
                {
                    Function = gap,
                    Payload = new JsonObject { ["mode"] = RunbookGapInput.Compare, ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId" },
                    Result = TaskResult.At("$.gap", new JsonObject { ["readScaling.$"] = "$.Payload.readScaling", ["resourceId.$"] = "$.Payload.resourceId" }),
                    Next = ReadsScaling,
                })
            .Choice(ReadsScaling, "Tables have auto scaling policies to compare; other kinds do not.", [Rule.IsTrue("$.gap.readScaling", ReadSourceScaling)], AfterRunbookGap)
            .SdkTask(
                ReadSourceScaling,
                "The source table's auto scaling policies (a restored table has none); an error is recorded, not a failure.",
                Sdk.Resource(scaling),
                new JsonObject { ["ServiceNamespace"] = "dynamodb", [$"{scaling.IdParameter}.$"] = "$.gap.resourceId" },
                TaskResult.At("$.scaling"),
                RecordScalingGap,
                onError: new Catcher(RecordScalingGap, "$.scaling"))
            .LambdaTask(
                RecordScalingGap,
                "Adds the policies to the runbook gap, or notes why they could not be read.",
                new()
                {
                    Function = gap,
                    Payload = new JsonObject { ["mode"] = RunbookGapInput.Scaling, ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId", ["answer.$"] = "$.scaling" },
                    Result = TaskResult.Discarded,
                    Next = AfterRunbookGap,
                })
            .Choice(AfterRunbookGap, "An AWS Backup target goes on to its verifier and validation report; a native one is done.", [Rule.IsPresent("$.poll", HasVerifier)], TargetVerified);
    }
}
