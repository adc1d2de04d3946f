using DrillFunctions;
using DrillRunner.Core.Errors;
using DrillRunner.Workflow.Asl;

namespace DrillRunner.Workflow;

/// <summary>The native DynamoDB path: the runner's own functions resolve, restore, poll and verify.</summary>
public static partial class TargetWorkflow
{
    private static readonly StateName ResolveRecoveryPoint = StateName.Of<ResolveRecoveryPointFunction>();
    private static readonly StateName StartRestore = StateName.Of<StartRestoreFunction>();
    private static readonly StateName WaitForRestore = new(nameof(WaitForRestore));
    private static readonly StateName CheckRestore = StateName.Of<CheckRestoreFunction>();
    private static readonly StateName IsRestored = new(nameof(IsRestored));
    private static readonly StateName VerifyTarget = StateName.Of<VerifyTargetFunction>();
    private static readonly StateName IsVerified = new(nameof(IsVerified));
    private static readonly StateName TargetVerified = new(nameof(TargetVerified));

    /// <summary>The way a native target that passes goes, for the cost estimate's counts (<see cref="WorkflowShapeFile"/>).</summary>
    public static TargetRoute NativeRoute(bool readsSourceScaling) => new(
        Route([(RouteTarget, ResolveRecoveryPoint), .. RunbookGapRoute(readsSourceScaling, then: TargetVerified)]),
        Look: IsRestored,
        VerificationRound: IsVerified);

    private static void NativePath(StateScope scope) => scope
        .LambdaTask(
            ResolveRecoveryPoint,
            "Newest usable recovery point: PITR's latest restorable time or the newest AVAILABLE backup.",
            new() { Function = LambdaFunction.Of<ResolveRecoveryPointFunction>(), Next = StartRestore })
        .LambdaTask(
            StartRestore,
            "Restore into <scratchPrefix><runId>-<table>, tagged with the run.",
            new()
            {
                Function = LambdaFunction.Of<StartRestoreFunction>(),
                Next = WaitForRestore,
                Retries = [Retrier.For<RestoreCapacityBusy>(60, 10, 1.5, 600)],
            })
        .Wait(WaitForRestore, "DynamoDB gives no completion event: poll, with intervals that grow to a cap.", "$.waitSeconds", CheckRestore)
        .LambdaTask(
            CheckRestore,
            "Fails with RestoreFailed when the table vanishes, RestoreTimedOut past the plan's restoreTimeoutMinutes.",
            new() { Function = LambdaFunction.Of<CheckRestoreFunction>(), Next = IsRestored })
        .LoopUntil(IsRestored, "Polls again until the table is ACTIVE.", "$.restored", VerifyTarget, WaitForRestore)
        .LambdaTask(
            VerifyTarget,
            "Counting a large table can outlast one invocation: progress is saved in the run record and the step answers done: false.",
            new() { Function = LambdaFunction.Of<VerifyTargetFunction>(), Payload = TargetOnly, Next = IsVerified })
        .LoopUntil(IsVerified, "Verifies on from the saved progress until done.", "$.done", CompareWithSource, VerifyTarget)
        .Succeed(TargetVerified, "Restored and verified; its times are in the run record.");
}
