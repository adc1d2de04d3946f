namespace DrillRunner.Core.Errors;

/// <summary>An item of the runs table that is not a run record this version can read (corrupt, foreign, or from a future version).</summary>
public sealed class RunRecordUnreadable : DrillException
{
    public RunRecordUnreadable(string message)
        : base(message)
    {
    }
}
