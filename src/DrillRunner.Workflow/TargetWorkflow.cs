using System.Text.Json.Nodes;
using DrillFunctions;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.RunbookGaps;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>
/// One target's child execution: the native DynamoDB path (the runner's own functions) and the AWS
/// Backup path (the state machine calls AWS Backup, tagging and describe APIs itself, and asks
/// BackupStepFunction to decide after each). Every failure goes to RecordTargetFailure.
/// </summary>
public static class TargetWorkflow
{
    public static readonly string RecordTargetFailure = DrillFunctionCatalog.NameOf<RecordTargetFailureFunction>();

    /// <summary>ListRecoveryPointsByResource's largest page.</summary>
    public const int RecoveryPointPageSize = 100;

    private const string Resource = "$.poll.value.resource";

    public static StateScope Processor()
    {
        var scope = new StateScope(new Catcher(RecordTargetFailure));
        scope.Choice(
            "RouteTarget",
            "Native DynamoDB targets restore through DynamoDB's own API; aws-backup targets through AWS Backup.",
            [Rule.Is("$.type", AwsBackupTarget.TypeName, "ListRecoveryPoints")],
            DrillFunctionCatalog.NameOf<ResolveRecoveryPointFunction>());
        NativePath(scope);
        BackupPath(scope);
        RunbookGap(scope);
        return FailurePath(scope);
    }

    private static void NativePath(StateScope scope)
    {
        var resolve = DrillFunctionCatalog.NameOf<ResolveRecoveryPointFunction>();
        var start = DrillFunctionCatalog.NameOf<StartRestoreFunction>();
        var check = DrillFunctionCatalog.NameOf<CheckRestoreFunction>();
        var verify = DrillFunctionCatalog.NameOf<VerifyTargetFunction>();
        scope
            .LambdaTask(resolve, "Newest usable recovery point: PITR's latest restorable time or the newest AVAILABLE backup.", LambdaFunction.Of<ResolveRecoveryPointFunction>(), "$", TaskResult.Payload, start)
            .LambdaTask(
                start,
                "Restore into <scratchPrefix><runId>-<table>, tagged with the run.",
                LambdaFunction.Of<StartRestoreFunction>(),
                "$",
                TaskResult.Payload,
                "WaitForRestore",
                [Retrier.For<RestoreCapacityBusy>(60, 10, 1.5, 600)])
            .Wait("WaitForRestore", "DynamoDB gives no completion event: poll, with intervals that grow to a cap.", "$.waitSeconds", check)
            .LambdaTask(check, "Fails with RestoreFailed when the table vanishes, RestoreTimedOut past the plan's restoreTimeoutMinutes.", LambdaFunction.Of<CheckRestoreFunction>(), "$", TaskResult.Payload, "IsRestored")
            .LoopUntil("IsRestored", "Polls again until the table is ACTIVE.", "$.restored", verify, "WaitForRestore")
            .LambdaTask(verify, "Counting a large table can outlast one invocation: progress is saved in the run record and the step answers done: false.", LambdaFunction.Of<VerifyTargetFunction>(), TargetOnly, TaskResult.Payload, "IsVerified")
            .LoopUntil("IsVerified", "Verifies on from the saved progress until done.", "$.done", CompareWithSource, verify)
            .Succeed("TargetVerified", "Restored and verified; its times are in the run record.");
    }

    private const string CompareWithSource = nameof(CompareWithSource);

    /// <summary>After verification, on both paths: the recovery runbook gap (what the restore lacks that the source has), then on to the path's next step.</summary>
    private static void RunbookGap(StateScope scope)
    {
        var gap = LambdaFunction.Of<RecordRunbookGapFunction>();
        var scaling = EstateCalls.ScalingPolicies;
        scope
            .LambdaTask(
                CompareWithSource,
                "What the restore lacks that the source has (TTL, stream, PITR, deletion protection, tags) and what AWS documents it never carries; reads the source, never writes it.",
                gap,
                new JsonObject { ["mode"] = RunbookGapInput.Compare, ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId" },
                TaskResult.At("$.gap", new JsonObject { ["readScaling.$"] = "$.Payload.readScaling", ["resourceId.$"] = "$.Payload.resourceId" }),
                "ReadsScaling")
            .Choice("ReadsScaling", "Tables have auto scaling policies to compare; other kinds do not.", [Rule.IsTrue("$.gap.readScaling", "ReadSourceScaling")], "AfterRunbookGap")
            .SdkTask(
                "ReadSourceScaling",
                "The source table's auto scaling policies (a restored table has none); an error is recorded, not a failure.",
                Sdk.Resource(scaling),
                new JsonObject { ["ServiceNamespace"] = "dynamodb", [$"{scaling.IdParameter}.$"] = "$.gap.resourceId" },
                TaskResult.At("$.scaling"),
                "RecordScalingGap",
                onError: new Catcher("RecordScalingGap", "$.scaling"))
            .LambdaTask(
                "RecordScalingGap",
                "Adds the policies to the runbook gap, or notes why they could not be read.",
                gap,
                new JsonObject { ["mode"] = RunbookGapInput.Scaling, ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId", ["answer.$"] = "$.scaling" },
                TaskResult.Discarded,
                "AfterRunbookGap")
            .Choice("AfterRunbookGap", "An AWS Backup target goes on to its verifier and validation report; a native one is done.", [Rule.IsPresent("$.poll", "HasVerifier")], "TargetVerified");
    }

    private static void BackupPath(StateScope scope)
    {
        const string verifyData = "VerifyRestoredData";
        scope
            .SdkTask(
                "ListRecoveryPoints",
                "First page of the resource's recovery points (AWS Backup lists them in no guaranteed order).",
                Sdk.Backup("listRecoveryPointsByResource"),
                new JsonObject { ["ResourceArn.$"] = "$.resourceArn", ["MaxResults"] = RecoveryPointPageSize },
                TaskResult.At("$.page", new JsonObject { ["answer.$"] = "$", ["firstPage"] = true }),
                BackupStep.ChooseRecoveryPoint)
            .SdkTask(
                "ListMoreRecoveryPoints",
                "The next page.",
                Sdk.Backup("listRecoveryPointsByResource"),
                new JsonObject { ["ResourceArn.$"] = "$.resourceArn", ["NextToken.$"] = "$.choice.value.nextToken", ["MaxResults"] = RecoveryPointPageSize },
                TaskResult.At("$.page", new JsonObject { ["answer.$"] = "$", ["firstPage"] = false }),
                BackupStep.ChooseRecoveryPoint)
            .LambdaTask(
                BackupStep.ChooseRecoveryPoint,
                "Keeps the newest COMPLETED point (in the plan's vault) across pages; after the last page fails the target if there is none or it is older than maxRecoveryPointAgeHours.",
                BackupStepFunction,
                Step(BackupStep.ChooseRecoveryPoint, new() { ["answer.$"] = "$.page.answer", ["firstPage.$"] = "$.page.firstPage" }),
                Value("$.choice"),
                "MoreRecoveryPoints")
            .Choice("MoreRecoveryPoints", "Reads the next page while ChooseRecoveryPoint says there is one.", [Rule.IsTrue("$.choice.value.morePages", "ListMoreRecoveryPoints")], "GetRestoreMetadata")
            .SdkTask(
                "GetRestoreMetadata",
                "The metadata AWS Backup needs to restore this point.",
                Sdk.Backup("getRecoveryPointRestoreMetadata"),
                new JsonObject { ["BackupVaultName.$"] = "$.choice.value.backupVaultName", ["RecoveryPointArn.$"] = "$.choice.value.recoveryPointArn" },
                TaskResult.At("$.metadata"),
                BackupStep.PrepareRestore)
            .LambdaTask(
                BackupStep.PrepareRestore,
                "Merges the plan's overrides, then the scratch name (and new-resource switches) the runner always sets.",
                BackupStepFunction,
                Step(BackupStep.PrepareRestore, new() { ["answer.$"] = "$.metadata" }),
                Value("$.restore"),
                "StartRestoreJob")
            .SdkTask(
                "StartRestoreJob",
                "The idempotency token is derived from run and target, so a retry starts no second restore.",
                Sdk.Backup("startRestoreJob"),
                new JsonObject
                {
                    ["RecoveryPointArn.$"] = "$.restore.value.RecoveryPointArn",
                    ["Metadata.$"] = "$.restore.value.Metadata",
                    ["IamRoleArn"] = "${BackupRestoreRoleArn}",
                    ["IdempotencyToken.$"] = "$.restore.value.IdempotencyToken",
                    ["ResourceType.$"] = "$.restore.value.ResourceType",
                },
                TaskResult.At("$.job"),
                BackupStep.RecordRestoreJob)
            .LambdaTask(
                BackupStep.RecordRestoreJob,
                "Records the job and the scratch resource it will create.",
                BackupStepFunction,
                Step(BackupStep.RecordRestoreJob, new() { ["answer.$"] = "$.job" }),
                Value("$.poll"),
                "WaitForRestoreJob")
            .Wait("WaitForRestoreJob", "AWS Backup's events are best-effort and late: poll by forecast (earlier drills, else ExpectedCompletionTimeMinutes), densely near it.", "$.poll.value.waitSeconds", "DescribeRestoreJob")
            .SdkTask("DescribeRestoreJob", "The job's status, and once COMPLETED its CreatedResourceArn.", Sdk.Backup("describeRestoreJob"), new JsonObject { ["RestoreJobId.$"] = "$.poll.value.restoreJobId" }, TaskResult.At("$.job"), BackupStep.CheckRestoreJob)
            .LambdaTask(
                BackupStep.CheckRestoreJob,
                "COMPLETED: stage times from the job's CreationDate/CompletionDate. FAILED/ABORTED: RestoreFailed with AWS's message.",
                BackupStepFunction,
                Step(BackupStep.CheckRestoreJob, new() { ["attempt.$"] = "$.poll.value.attempt", ["answer.$"] = "$.job" }),
                Value("$.poll"),
                "IsRestoreJobDone")
            .LoopUntil("IsRestoreJobDone", "Polls again until the job completed.", "$.poll.value.restored", "TagRestoredResource", "WaitForRestoreJob")
            .SdkTask(
                "TagRestoredResource",
                "Tags the restored resource with the run (and a Name for volumes and file systems): the teardown guard and the janitor require it.",
                Sdk.Tagging("tagResources"),
                new JsonObject { ["ResourceARNList.$"] = $"{Resource}.tagging.ResourceARNList", ["Tags.$"] = $"{Resource}.tagging.Tags" },
                TaskResult.At("$.tagResult"),
                "DescribeRestoredResource",
                onError: new Catcher("DescribeRestoredResource", "$.tagResult"))
            .ChoiceByKind(
                "DescribeRestoredResource",
                "Kinds that take time to become available are described until they are.",
                $"{Resource}.scratchKind",
                RestoreKinds.All.Where(k => k.Describe is not null).Select(k => (k, DescribeState(k))),
                "NothingToDescribe");
        foreach (var kind in RestoreKinds.All.Where(k => k.Describe is not null))
        {
            var call = kind.Describe!;
            var id = call.IdIsList ? new JsonObject { [$"{call.IdParameter}.$"] = $"States.Array({Resource}.resourceId)" } : new JsonObject { [$"{call.IdParameter}.$"] = $"{Resource}.resourceId" };
            scope.SdkTask(DescribeState(kind), $"The restored {kind.DisplayName}'s status (and endpoint).", Sdk.Resource(call), id, TaskResult.At("$.resource"), BackupStep.CheckRestoredResource);
        }

        scope
            .Pass("NothingToDescribe", "Tables and buckets are usable once the job completed; their data is verified next.", BackupStep.CheckRestoredResource, result: [], resultPath: "$.resource")
            .LambdaTask(
                BackupStep.CheckRestoredResource,
                "Records tagging; databases, volumes and file systems must be available, database endpoints must accept TCP.",
                BackupStepFunction,
                Step(BackupStep.CheckRestoredResource, new() { ["tagResult.$"] = "$.tagResult", ["described.$"] = "$.resource" }),
                Value("$.readiness"),
                "IsResourceReady")
            .LoopUntil("IsResourceReady", "Describes again until the resource is available.", "$.readiness.value.ready", "NeedsDataVerification", "WaitForResource")
            .Wait("WaitForResource", "The wait CheckRestoredResource chose.", "$.readiness.value.waitSeconds", "DescribeRestoredResource")
            .Choice(
                "NeedsDataVerification",
                "Kinds whose data the runner verifies itself (counts, sample, sentinels).",
                [Rule.IsAny($"{Resource}.scratchKind", RestoreKinds.All.Where(k => k.DataVerifiedByRunner).Select(k => k.ScratchKind), verifyData)],
                CompareWithSource)
            .LambdaTask(
                verifyData,
                "Tables: the same checks as native targets. Buckets: object count, bytes, sentinel keys. Checkpointed like table counts.",
                LambdaFunction.Of<VerifyTargetFunction>(),
                TargetOnly,
                TaskResult.At("$.verification", new JsonObject { ["done.$"] = "$.Payload.done" }),
                "IsDataVerified")
            .LoopUntil("IsDataVerified", "Verifies on from the saved progress until done.", "$.verification.done", CompareWithSource, verifyData)
            .Choice("HasVerifier", "A plan may name its own verifier Lambda for this target.", [Rule.IsPresent($"{Resource}.verifierFunction", "InvokeVerifier")], "ValidationSucceeded")
            .LambdaTask(
                "InvokeVerifier",
                "The plan's own verifier (e.g. SQL checks), told the restored resource's identifiers; its answer is judged and kept in the run record.",
                LambdaFunction.At($"{Resource}.verifierFunction"),
                new JsonObject { ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId", ["restored.$"] = "$.readiness.value.restoredIdentifiers" },
                TaskResult.At("$.answer", new JsonObject { ["payload.$"] = "$.Payload" }),
                BackupStep.RecordVerifierAnswer,
                onError: new Catcher(nameof(VerifierFailed), "$.verifierError"))
            .Pass(
                nameof(VerifierFailed),
                "A verifier that fails, times out or cannot be invoked fails the target as a finding, naming the verifier.",
                RecordTargetFailure,
                parameters: new JsonObject
                {
                    ["runId.$"] = "$.runId",
                    ["targetId.$"] = "$.targetId",
                    ["error"] = new JsonObject { ["Error"] = nameof(VerifierFailed), ["Cause"] = "the verifier Lambda failed", ["Verifier.$"] = "$.verifierError" },
                })
            .LambdaTask(
                BackupStep.RecordVerifierAnswer,
                "{ passed: true } verifies the target; { passed: false } fails it with the verifier's message; anything else is VerifierFailed.",
                BackupStepFunction,
                Step(BackupStep.RecordVerifierAnswer, new() { ["function.$"] = $"{Resource}.verifierFunction", ["answer.$"] = "$.answer.payload" }),
                TaskResult.Discarded,
                "ValidationSucceeded")
            .Pass(
                "ValidationSucceeded",
                "What AWS Backup is told about a restore that passed.",
                "ReportValidation",
                parameters: new JsonObject
                {
                    ["runId.$"] = "$.runId",
                    ["targetId.$"] = "$.targetId",
                    ["restoreJobId.$"] = "$.poll.value.restoreJobId",
                    ["validationStatus"] = "SUCCESSFUL",
                    ["validationMessage.$"] = "States.Format('Restored and verified by DrillRunner run {}.', $.runId)",
                })
            .SdkTask(
                "ReportValidation",
                "So that the AWS Backup console shows the drill's outcome on the restore job too. Both outcomes land at $.validationOutcome: { reported: true }, or the Catch's { Error, Cause }.",
                Sdk.Backup("putRestoreValidationResult"),
                new JsonObject { ["RestoreJobId.$"] = "$.restoreJobId", ["ValidationStatus.$"] = "$.validationStatus", ["ValidationStatusMessage.$"] = "$.validationMessage" },
                TaskResult.At("$.validationOutcome", new JsonObject { ["reported"] = true }),
                BackupStep.RecordValidation,
                onError: new Catcher(BackupStep.RecordValidation, "$.validationOutcome"))
            .LambdaTask(
                BackupStep.RecordValidation,
                "Records what AWS Backup was told and whether it took it.",
                BackupStepFunction,
                Step(BackupStep.RecordValidation, new()
                {
                    ["restoreJobId.$"] = "$.restoreJobId",
                    ["validationStatus.$"] = "$.validationStatus",
                    ["validationMessage.$"] = "$.validationMessage",
                    ["validationOutcome.$"] = "$.validationOutcome",
                }),
                TaskResult.Discarded,
                "TargetDone",
                onError: new Catcher("TargetDone", "$.recordError"))
            .Succeed("TargetDone", "The target's outcome is recorded (and reported to AWS Backup where it took it).");
    }

    private static StateScope FailurePath(StateScope scope) => scope
        .LambdaTask(
            RecordTargetFailure,
            "A target's failure is recorded and does not stop the other targets; an AWS Backup restore job also gets a FAILED validation result.",
            LambdaFunction.Of<RecordTargetFailureFunction>(),
            new JsonObject { ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId", ["error.$"] = "$.error" },
            TaskResult.Payload,
            "ShouldReportValidation",
            onError: new Catcher(WorkflowErrors.TargetFailureNotRecorded, "$.recordError"))
        .Choice("ShouldReportValidation", "An AWS Backup restore job is told the target failed.", [Rule.IsPresent("$.restoreJobId", "ReportValidation")], "TargetFailed")
        .Succeed("TargetFailed", "The failure is recorded; the other targets go on.")
        .Fail(WorkflowErrors.TargetFailureNotRecorded, "The Map tolerates this child's failure; ConcludeDrill names the target as never finished.", WorkflowErrors.TargetFailureNotRecorded, "A target failed and its failure could not be written to the runs table.");

    public static string DescribeState(RestoreKind kind) => $"Describe{kind.StateSuffix}";

    private static readonly LambdaFunction BackupStepFunction = LambdaFunction.Of<DrillFunctions.BackupStepFunction>();

    private static JsonObject TargetOnly => new() { ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId" };

    /// <summary>A BackupStepFunction payload: the step's name, the target, and what the step reads.</summary>
    private static JsonObject Step(string step, JsonObject reads)
    {
        var payload = new JsonObject { ["step"] = step, ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId" };
        foreach (var (key, value) in reads)
        {
            payload[key] = value?.DeepClone();
        }

        return payload;
    }

    private static TaskResult Value(string path) => TaskResult.PayloadAt(path, "value");
}
