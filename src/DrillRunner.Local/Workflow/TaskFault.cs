namespace DrillRunner.Local.Workflow;

/// <summary>
/// A fault the local engine injects into a Task state (tests only): its first <see cref="Times"/>
/// attempts fail with <see cref="Error"/> before the real handler runs; <see cref="Always"/> makes every attempt fail.
/// </summary>
public sealed record TaskFault(string Error, int Times, string? Cause = null)
{
    public const int Always = -1;

    /// <summary>Step Functions' name for a Task that ran past its TimeoutSeconds: the local engine then really times the task out (TimeoutSeconds 1, the handler hangs).</summary>
    public const string Timeout = "States.Timeout";
}
