namespace DrillRunner.Core.Errors;

/// <summary>A restore outlasted the plan's restoreTimeoutMinutes.</summary>
public sealed class RestoreTimedOut : DrillException
{
    public RestoreTimedOut(string message)
        : base(message)
    {
    }
}
