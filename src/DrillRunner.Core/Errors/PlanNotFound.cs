namespace DrillRunner.Core.Errors;

/// <summary>No plan of that name is stored in the runs table.</summary>
public sealed class PlanNotFound : DrillException
{
    public PlanNotFound(string message)
        : base(message)
    {
    }
}
