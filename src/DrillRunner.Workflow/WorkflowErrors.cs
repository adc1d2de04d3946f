namespace DrillRunner.Workflow;

/// <summary>The errors the state machines' own Fail and Pass states raise (the functions' errors are their exception types).</summary>
public static class WorkflowErrors
{
    public const string DrillNotStarted = nameof(DrillNotStarted);
    public const string TargetFailureNotRecorded = nameof(TargetFailureNotRecorded);
    public const string TeardownFailed = nameof(TeardownFailed);
    public const string DrillDidNotPass = nameof(DrillDidNotPass);
    public const string JanitorFailed = nameof(JanitorFailed);
    public const string UnknownKind = nameof(UnknownKind);
    public const string AuditFailed = nameof(AuditFailed);
}
