namespace DrillRunner.Core.Ports;

/// <summary>The answer to a delete request.</summary>
public enum DeleteOutcome
{
    Deleted,
    AlreadyGone,
    Busy,
}
