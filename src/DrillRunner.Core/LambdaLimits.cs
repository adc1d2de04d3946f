namespace DrillRunner.Core;

/// <summary>
/// Lambda's ceiling on one invocation, and the budgets the functions work within under it. An
/// invocation that reaches the ceiling is killed: the state machine sees <c>States.Timeout</c> instead
/// of the typed error its Catch routes, and nothing the function had not saved survives. So every
/// task stops early, and work that can run long (verification's counts) stops earlier still and
/// checkpoints. template.yaml's Globals Timeout and every Lambda task's TimeoutSeconds are this
/// ceiling (TemplateTests and the state machine tests keep them equal).
/// </summary>
public static class LambdaLimits
{
    /// <summary>The longest one invocation may run, in seconds: Lambda's maximum, 15 minutes.</summary>
    public const int TimeoutSeconds = 900;

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Kept after a task's budget for what follows its cancellation: the step unwinds, logs and raises its typed error.</summary>
    public static TimeSpan ErrorMargin { get; } = TimeSpan.FromMinutes(1);

    /// <summary>When a task's cancellation token fires (14 minutes), so that the error is ours, not a timeout.</summary>
    public static TimeSpan TaskBudget { get; } = Timeout - ErrorMargin;

    /// <summary>
    /// Kept after verification's budget for finishing what is in flight and saving it: every parallel
    /// scan segment completes its current page (throttled reads are retried by the SDK, which can take
    /// tens of seconds) and the checkpoint is written to the run record, all within the task's budget.
    /// </summary>
    public static TimeSpan CheckpointMargin { get; } = TimeSpan.FromMinutes(4);

    /// <summary>How long verification counts and compares in one invocation before it saves its checkpoint and answers "not done" (10 minutes).</summary>
    public static TimeSpan VerificationBudget { get; } = TaskBudget - CheckpointMargin;
}
