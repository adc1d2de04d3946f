namespace DrillRunner.Core.Errors;

/// <summary>No usable recovery point exists for a target: the most important finding a drill can make.</summary>
public sealed class RecoveryPointNotFound : DrillException
{
    public RecoveryPointNotFound(string message)
        : base(message)
    {
    }
}
