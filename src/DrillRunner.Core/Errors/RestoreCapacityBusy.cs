namespace DrillRunner.Core.Errors;

/// <summary>AWS refused a restore for now (at most 50 concurrent restores per account); the state machine retries later.</summary>
public sealed class RestoreCapacityBusy : DrillException
{
    public RestoreCapacityBusy(string message)
        : base(message)
    {
    }
}
