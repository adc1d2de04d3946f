using System.Text.Json.Nodes;
using DrillFunctions;
using DrillRunner.Core.Plans;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>
/// One target's child execution: the native DynamoDB path (the runner's own functions,
/// TargetWorkflow.NativePath.cs) and the AWS Backup path (the state machine calls AWS Backup, tagging
/// and describe APIs itself, and asks BackupStepFunction to decide after each,
/// TargetWorkflow.BackupPath.cs); both end in the runbook gap step (TargetWorkflow.RunbookGap.cs).
/// Every failure goes to RecordTargetFailure.
/// </summary>
public static partial class TargetWorkflow
{
    public static readonly StateName RecordTargetFailure = StateName.Of<RecordTargetFailureFunction>();

    private static readonly StateName RouteTarget = new(nameof(RouteTarget));
    private static readonly StateName ShouldReportValidation = new(nameof(ShouldReportValidation));
    private static readonly StateName TargetFailed = new(nameof(TargetFailed));
    private static readonly StateName TargetFailureNotRecorded = new(WorkflowErrors.TargetFailureNotRecorded);

    public static StateScope Processor()
    {
        var scope = new StateScope(new Catcher(RecordTargetFailure));
        scope.Choice(
            RouteTarget,
            "Native DynamoDB targets restore through DynamoDB's own API; aws-backup targets through AWS Backup, listed by vault when the plan names a vault or copyOf.",
            [Rule.IsPresent("$.pointsFrom", StartVaultListing), Rule.Is("$.type", AwsBackupTarget.TypeName, ListRecoveryPoints)],
            ResolveRecoveryPoint);
        NativePath(scope);
        BackupPath(scope);
        RunbookGap(scope);
        return FailurePath(scope);
    }

    private static StateScope FailurePath(StateScope scope) => scope
        .LambdaTask(
            RecordTargetFailure,
            "A target's failure is recorded and does not stop the other targets; an AWS Backup restore job also gets a FAILED validation result.",
            new()
            {
                Function = LambdaFunction.Of<RecordTargetFailureFunction>(),
                Payload = new JsonObject { ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId", ["error.$"] = "$.error" },
                Next = ShouldReportValidation,
                OnError = new Catcher(TargetFailureNotRecorded, "$.recordError"),
            })
        .Choice(ShouldReportValidation, "An AWS Backup restore job is told the target failed.", [Rule.IsPresent("$.restoreJobId", ReportValidation)], TargetFailed)
        .Succeed(TargetFailed, "The failure is recorded; the other targets go on.")
        .Fail(TargetFailureNotRecorded, "The Map tolerates this child's failure; ConcludeDrill names the target as never finished.", WorkflowErrors.TargetFailureNotRecorded, "A target failed and its failure could not be written to the runs table.");

    private static Dictionary<StateName, StateName> Route(IEnumerable<(StateName Choice, StateName Branch)> choices) => choices.ToDictionary(c => c.Choice, c => c.Branch);

    /// <summary>The payload of a step that needs only to know its target.</summary>
    private static JsonObject TargetOnly => new() { ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId" };
}
