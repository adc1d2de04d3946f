namespace DrillRunner.Core.Ports;

/// <summary>The answer to a delete request.</summary>
public enum DeleteOutcome
{
    Deleted,
    AlreadyGone,
    Busy,

    /// <summary>AWS refused for now: the account's limit on simultaneous table operations (500, restores included) is reached.</summary>
    LimitReached,
}
