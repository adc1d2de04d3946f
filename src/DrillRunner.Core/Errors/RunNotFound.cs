namespace DrillRunner.Core.Errors;

/// <summary>No run of that id is in the runs table.</summary>
public sealed class RunNotFound : DrillException
{
    public RunNotFound(string message)
        : base(message)
    {
    }
}
