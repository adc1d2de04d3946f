namespace DrillRunner.Core.Errors;

/// <summary>A scratch table cannot be deleted yet (still being created); the state machine retries teardown.</summary>
public sealed class ScratchTableBusy : DrillException
{
    public ScratchTableBusy(string message)
        : base(message)
    {
    }
}
