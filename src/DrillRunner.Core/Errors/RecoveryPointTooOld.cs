namespace DrillRunner.Core.Errors;

/// <summary>The newest usable recovery point is older than the target's maxRecoveryPointAgeHours.</summary>
public sealed class RecoveryPointTooOld : DrillException
{
    public RecoveryPointTooOld(string message)
        : base(message)
    {
    }
}
