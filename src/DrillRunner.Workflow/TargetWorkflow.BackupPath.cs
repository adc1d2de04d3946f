using System.Text.Json.Nodes;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>
/// The AWS Backup path: the state machine calls AWS Backup, tagging and describe APIs itself and asks
/// BackupStepFunction to decide after each; it ends by telling AWS Backup how the restore did.
/// </summary>
public static partial class TargetWorkflow
{
    /// <summary>ListRecoveryPointsByResource's largest page.</summary>
    public const int RecoveryPointPageSize = 100;

    private const string Resource = "$.poll.value.resource";

    private static readonly StateName ListRecoveryPoints = new(nameof(ListRecoveryPoints));
    private static readonly StateName ListMoreRecoveryPoints = new(nameof(ListMoreRecoveryPoints));
    private static readonly StateName ChooseRecoveryPoint = new(BackupStep.ChooseRecoveryPoint);
    private static readonly StateName MoreRecoveryPoints = new(nameof(MoreRecoveryPoints));
    private static readonly StateName StartVaultListing = new(nameof(StartVaultListing));
    private static readonly StateName ListBackupVaults = new(nameof(ListBackupVaults));
    private static readonly StateName ListVaultRecoveryPoints = new(nameof(ListVaultRecoveryPoints));
    private static readonly StateName ChooseFromVaultListing = new(nameof(ChooseFromVaultListing));
    private static readonly StateName GetRestoreMetadata = new(nameof(GetRestoreMetadata));
    private static readonly StateName PrepareRestore = new(BackupStep.PrepareRestore);
    private static readonly StateName StartRestoreJob = new(nameof(StartRestoreJob));
    private static readonly StateName RecordRestoreJob = new(BackupStep.RecordRestoreJob);
    private static readonly StateName WaitForRestoreJob = new(nameof(WaitForRestoreJob));
    private static readonly StateName DescribeRestoreJob = new(nameof(DescribeRestoreJob));
    private static readonly StateName CheckRestoreJob = new(BackupStep.CheckRestoreJob);
    private static readonly StateName IsRestoreJobDone = new(nameof(IsRestoreJobDone));
    private static readonly StateName TagRestoredResource = new(nameof(TagRestoredResource));
    private static readonly StateName DescribeRestoredResource = new(nameof(DescribeRestoredResource));
    private static readonly StateName NothingToDescribe = new(nameof(NothingToDescribe));
    private static readonly StateName CheckRestoredResource = new(BackupStep.CheckRestoredResource);
    private static readonly StateName IsResourceReady = new(nameof(IsResourceReady));
    private static readonly StateName WaitForResource = new(nameof(WaitForResource));
    private static readonly StateName NeedsDataVerification = new(nameof(NeedsDataVerification));
    private static readonly StateName VerifyRestoredData = new(nameof(VerifyRestoredData));
    private static readonly StateName IsDataVerified = new(nameof(IsDataVerified));
    private static readonly StateName HasVerifier = new(nameof(HasVerifier));
    private static readonly StateName InvokeVerifier = new(nameof(InvokeVerifier));
    private static readonly StateName VerifierFailedState = new(nameof(VerifierFailed));
    private static readonly StateName RecordVerifierAnswer = new(BackupStep.RecordVerifierAnswer);
    private static readonly StateName ValidationSucceeded = new(nameof(ValidationSucceeded));
    private static readonly StateName ReportValidation = new(nameof(ReportValidation));
    private static readonly StateName RecordValidation = new(BackupStep.RecordValidation);
    private static readonly StateName TargetDone = new(nameof(TargetDone));

    private static readonly LambdaFunction BackupStepFunction = LambdaFunction.Of<DrillFunctions.BackupStepFunction>();

    public static StateName DescribeState(RestoreKind kind) => new($"Describe{kind.StateSuffix}");

    /// <summary>
    /// The way an AWS Backup target that passes goes, for the cost estimate's counts (<see cref="WorkflowShapeFile"/>):
    /// one page of recovery points, a kind with nothing to describe (a bucket: the estimate does not count a
    /// database's, volume's or file system's describe looks), data the runner verifies, no verifier of the plan's.
    /// </summary>
    public static TargetRoute BackupRoute(bool readsSourceScaling) => new(
        Route(
        [
            (RouteTarget, ListRecoveryPoints),
            (MoreRecoveryPoints, GetRestoreMetadata),
            (DescribeRestoredResource, NothingToDescribe),
            (IsResourceReady, NeedsDataVerification),
            (NeedsDataVerification, VerifyRestoredData),
            .. RunbookGapRoute(readsSourceScaling, then: HasVerifier),
            (HasVerifier, ValidationSucceeded),
        ]),
        Look: IsRestoreJobDone,
        VerificationRound: IsDataVerified);

    private static void BackupPath(StateScope scope)
    {
        FindAndRestore(scope);
        MakeReady(scope);
        VerifyAndReport(scope);
    }

    /// <summary>The newest usable recovery point, across pages, restored by a job the machine polls.</summary>
    private static void FindAndRestore(StateScope scope) => scope
        .SdkTask(
            ListRecoveryPoints,
            "First page of the resource's recovery points (AWS Backup lists them in no guaranteed order).",
            Sdk.Backup("listRecoveryPointsByResource"),
            new JsonObject { ["ResourceArn.$"] = "$.resourceArn", ["MaxResults"] = RecoveryPointPageSize },
            TaskResult.At("$.page", Page(firstPage: true, PointListing.Resource)),
            ChooseRecoveryPoint)
        .SdkTask(
            ListMoreRecoveryPoints,
            "The next page.",
            Sdk.Backup("listRecoveryPointsByResource"),
            new JsonObject { ["ResourceArn.$"] = "$.resourceArn", ["NextToken.$"] = "$.choice.value.nextToken", ["MaxResults"] = RecoveryPointPageSize },
            TaskResult.At("$.page", Page(firstPage: false, PointListing.Resource)),
            ChooseRecoveryPoint)
        .LambdaTask(
            StartVaultListing,
            "The plan names where the point comes from (recoveryPoint.vault / copyOf): ChooseRecoveryPoint says what to list first, a vault's points or the vaults this stack can read.",
            BackupStepTask(ChooseRecoveryPoint, new() { ["firstPage"] = true, ["call"] = PointListing.Start }, "$.choice", MoreRecoveryPoints))
        .SdkTaskWithRequestAt(
            ListBackupVaults,
            "copyOf: the vaults this stack can read, its own then those other accounts share with it (ByShared), page by page; the request is ChooseRecoveryPoint's.",
            Sdk.Backup("listBackupVaults"),
            "$.choice.value.listing.request",
            TaskResult.At("$.page", Page(firstPage: false, PointListing.Vaults)),
            ChooseFromVaultListing)
        .SdkTaskWithRequestAt(
            ListVaultRecoveryPoints,
            "One vault's points of the resource (ByResourceArn; copies keep their source's ARN), BackupVaultAccountId for a vault another account shares; the request is ChooseRecoveryPoint's.",
            Sdk.Backup("listRecoveryPointsByBackupVault"),
            "$.choice.value.listing.request",
            TaskResult.At("$.page", Page(firstPage: false, PointListing.Points)),
            ChooseFromVaultListing)
        .LambdaTask(
            ChooseFromVaultListing,
            "ChooseRecoveryPoint on a vault listing's answer, told which listing it answers: a second delivery of the same answer changes nothing.",
            BackupStepTask(ChooseRecoveryPoint, new() { ["answer.$"] = "$.page.answer", ["firstPage.$"] = "$.page.firstPage", ["call.$"] = "$.page.call", ["answered.$"] = "$.choice.value.listing" }, "$.choice", MoreRecoveryPoints))
        .LambdaTask(
            ChooseRecoveryPoint,
            "Keeps the newest COMPLETED point (in the plan's vault; only copies for copyOf) across pages and vaults; after the last fails the target if there is none or it is older than maxRecoveryPointAgeHours.",
            BackupStepTask(ChooseRecoveryPoint, new() { ["answer.$"] = "$.page.answer", ["firstPage.$"] = "$.page.firstPage", ["call.$"] = "$.page.call" }, "$.choice", MoreRecoveryPoints))
        .Choice(
            MoreRecoveryPoints,
            "Reads the next page or vault while ChooseRecoveryPoint says there is one.",
            [
                Rule.IsPresentAndIs("$.choice.value.listing.call", PointListing.Vaults, ListBackupVaults),
                Rule.IsPresentAndIs("$.choice.value.listing.call", PointListing.Points, ListVaultRecoveryPoints),
                Rule.IsTrue("$.choice.value.morePages", ListMoreRecoveryPoints),
            ],
            GetRestoreMetadata)
        .SdkTaskWithRequestAt(
            GetRestoreMetadata,
            "The metadata AWS Backup needs to restore this point (BackupVaultAccountId for a vault another account shares); the request is ChooseRecoveryPoint's.",
            Sdk.Backup("getRecoveryPointRestoreMetadata"),
            "$.choice.value.metadata",
            TaskResult.At("$.metadata"),
            PrepareRestore)
        .LambdaTask(
            PrepareRestore,
            "Merges the plan's overrides, then the scratch name (and new-resource switches) the runner always sets.",
            BackupStepTask(PrepareRestore, new() { ["answer.$"] = "$.metadata" }, "$.restore", StartRestoreJob))
        .SdkTask(
            StartRestoreJob,
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
            RecordRestoreJob)
        .LambdaTask(
            RecordRestoreJob,
            "Records the job and the scratch resource it will create.",
            BackupStepTask(RecordRestoreJob, new() { ["answer.$"] = "$.job" }, "$.poll", WaitForRestoreJob))
        .Wait(WaitForRestoreJob, "AWS Backup's events are best-effort and late: poll by forecast (earlier drills, else ExpectedCompletionTimeMinutes), densely near it.", "$.poll.value.waitSeconds", DescribeRestoreJob)
        .SdkTask(DescribeRestoreJob, "The job's status, and once COMPLETED its CreatedResourceArn.", Sdk.Backup("describeRestoreJob"), new JsonObject { ["RestoreJobId.$"] = "$.poll.value.restoreJobId" }, TaskResult.At("$.job"), CheckRestoreJob)
        .LambdaTask(
            CheckRestoreJob,
            "COMPLETED: stage times from the job's CreationDate/CompletionDate. FAILED/ABORTED: RestoreFailed with AWS's message.",
            BackupStepTask(CheckRestoreJob, new() { ["attempt.$"] = "$.poll.value.attempt", ["answer.$"] = "$.job" }, "$.poll", IsRestoreJobDone))
        .LoopUntil(IsRestoreJobDone, "Polls again until the job completed.", "$.poll.value.restored", TagRestoredResource, WaitForRestoreJob);

    /// <summary>The restored resource tagged with the run, and described until it is available.</summary>
    private static void MakeReady(StateScope scope)
    {
        var described = RestoreKinds.All.Where(k => k.Describe is not null).ToList();
        scope
            .SdkTask(
                TagRestoredResource,
                "Tags the restored resource with the run (and a Name for volumes and file systems): the teardown guard and the janitor require it.",
                Sdk.Tagging("tagResources"),
                new JsonObject { ["ResourceARNList.$"] = $"{Resource}.tagging.ResourceARNList", ["Tags.$"] = $"{Resource}.tagging.Tags" },
                TaskResult.At("$.tagResult"),
                DescribeRestoredResource,
                onError: new Catcher(DescribeRestoredResource, "$.tagResult"))
            .ChoiceByKind(
                DescribeRestoredResource,
                "Kinds that take time to become available are described until they are.",
                $"{Resource}.scratchKind",
                described.Select(k => (k, DescribeState(k))),
                NothingToDescribe);
        foreach (var kind in described)
        {
            var call = kind.Describe!;
            var id = call.IdIsList ? new JsonObject { [$"{call.IdParameter}.$"] = $"States.Array({Resource}.resourceId)" } : new JsonObject { [$"{call.IdParameter}.$"] = $"{Resource}.resourceId" };
            scope.SdkTask(DescribeState(kind), $"The restored {kind.DisplayName}'s status (and endpoint).", Sdk.Resource(call), id, TaskResult.At("$.resource"), CheckRestoredResource);
        }

        scope
            .Pass(NothingToDescribe, "Tables and buckets are usable once the job completed; their data is verified next.", CheckRestoredResource, result: [], resultPath: "$.resource")
            .LambdaTask(
                CheckRestoredResource,
                "Records tagging; databases, volumes and file systems must be available, database endpoints must accept TCP.",
                BackupStepTask(CheckRestoredResource, new() { ["tagResult.$"] = "$.tagResult", ["described.$"] = "$.resource" }, "$.readiness", IsResourceReady))
            .LoopUntil(IsResourceReady, "Describes again until the resource is available.", "$.readiness.value.ready", NeedsDataVerification, WaitForResource)
            .Wait(WaitForResource, "The wait CheckRestoredResource chose.", "$.readiness.value.waitSeconds", DescribeRestoredResource);
    }

    /// <summary>The data verified (where the runner reads it), the runbook gap, the plan's verifier, and AWS Backup told the outcome.</summary>
    private static void VerifyAndReport(StateScope scope) => scope
        .Choice(
            NeedsDataVerification,
            "Kinds whose data the runner verifies itself (counts, sample, sentinels).",
            [Rule.IsAny($"{Resource}.scratchKind", RestoreKinds.All.Where(k => k.DataVerifiedByRunner).Select(k => k.ScratchKind), VerifyRestoredData)],
            CompareWithSource)
        .LambdaTask(
            VerifyRestoredData,
            "Tables: the same checks as native targets. Buckets: object count, bytes, sentinel keys. Checkpointed like table counts.",
            new()
            {
                Function = LambdaFunction.Of<DrillFunctions.VerifyTargetFunction>(),
                Payload = TargetOnly,
                Result = TaskResult.At("$.verification", new JsonObject { ["done.$"] = "$.Payload.done" }),
                Next = IsDataVerified,
            })
        .LoopUntil(IsDataVerified, "Verifies on from the saved progress until done.", "$.verification.done", CompareWithSource, VerifyRestoredData)
        .Choice(HasVerifier, "A plan may name its own verifier Lambda for this target.", [Rule.IsPresent($"{Resource}.verifierFunction", InvokeVerifier)], ValidationSucceeded)
        .LambdaTask(
            InvokeVerifier,
            "The plan's own verifier (e.g. SQL checks), told the restored resource's identifiers; its answer is judged and kept in the run record.",
            new()
            {
                Function = LambdaFunction.At($"{Resource}.verifierFunction"),
                Payload = new JsonObject { ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId", ["restored.$"] = "$.readiness.value.restoredIdentifiers" },
                Result = TaskResult.At("$.answer", new JsonObject { ["payload.$"] = "$.Payload" }),
                Next = RecordVerifierAnswer,
                OnError = new Catcher(VerifierFailedState, "$.verifierError"),
            })
        .Pass(
            VerifierFailedState,
            "A verifier that fails, times out or cannot be invoked fails the target as a finding, naming the verifier.",
            RecordTargetFailure,
            parameters: new JsonObject
            {
                ["runId.$"] = "$.runId",
                ["targetId.$"] = "$.targetId",
                ["error"] = new JsonObject { ["Error"] = nameof(VerifierFailed), ["Cause"] = "the verifier Lambda failed", ["Verifier.$"] = "$.verifierError" },
            })
        .LambdaTask(
            RecordVerifierAnswer,
            "{ passed: true } verifies the target; { passed: false } fails it with the verifier's message; anything else is VerifierFailed.",
            BackupStepTask(RecordVerifierAnswer, new() { ["function.$"] = $"{Resource}.verifierFunction", ["answer.$"] = "$.answer.payload" }, resultAt: null, ValidationSucceeded))
        .Pass(
            ValidationSucceeded,
            "What AWS Backup is told about a restore that passed.",
            ReportValidation,
            parameters: new JsonObject
            {
                ["runId.$"] = "$.runId",
                ["targetId.$"] = "$.targetId",
                ["restoreJobId.$"] = "$.poll.value.restoreJobId",
                ["validationStatus"] = "SUCCESSFUL",
                ["validationMessage.$"] = "States.Format('Restored and verified by DrillRunner run {}.', $.runId)",
            })
        .SdkTask(
            ReportValidation,
            "So that the AWS Backup console shows the drill's outcome on the restore job too. Both outcomes land at $.validationOutcome: { reported: true }, or the Catch's { Error, Cause }.",
            Sdk.Backup("putRestoreValidationResult"),
            new JsonObject { ["RestoreJobId.$"] = "$.restoreJobId", ["ValidationStatus.$"] = "$.validationStatus", ["ValidationStatusMessage.$"] = "$.validationMessage" },
            TaskResult.At("$.validationOutcome", new JsonObject { ["reported"] = true }),
            RecordValidation,
            onError: new Catcher(RecordValidation, "$.validationOutcome"))
        .LambdaTask(
            RecordValidation,
            "Records what AWS Backup was told and whether it took it.",
            BackupStepTask(
                RecordValidation,
                new()
                {
                    ["restoreJobId.$"] = "$.restoreJobId",
                    ["validationStatus.$"] = "$.validationStatus",
                    ["validationMessage.$"] = "$.validationMessage",
                    ["validationOutcome.$"] = "$.validationOutcome",
                },
                resultAt: null,
                TargetDone) with { OnError = new Catcher(TargetDone, "$.recordError") })
        .Succeed(TargetDone, "The target's outcome is recorded (and reported to AWS Backup where it took it).");

    /// <summary>A listing's answer as ChooseRecoveryPoint reads it: the answer, whether it starts a new search, and which call it was.</summary>
    private static JsonObject Page(bool firstPage, string call) => new() { ["answer.$"] = "$", ["firstPage"] = firstPage, ["call"] = call };

    /// <summary>
    /// A BackupStepFunction task: the step (named as its state) with the target and what it reads; its
    /// answer kept under "value" at <paramref name="resultAt"/>, or discarded when that is null.
    /// </summary>
    private static LambdaInvoke BackupStepTask(StateName step, JsonObject reads, string? resultAt, StateName next)
    {
        var payload = new JsonObject { ["step"] = step.Value, ["runId.$"] = "$.runId", ["targetId.$"] = "$.targetId" };
        foreach (var (key, value) in reads)
        {
            payload[key] = value?.DeepClone();
        }

        return new()
        {
            Function = BackupStepFunction,
            Payload = payload,
            Result = resultAt is null ? TaskResult.Discarded : TaskResult.PayloadAt(resultAt, "value"),
            Next = next,
        };
    }
}
