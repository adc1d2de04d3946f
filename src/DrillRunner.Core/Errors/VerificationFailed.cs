namespace DrillRunner.Core.Errors;

/// <summary>The restored data did not meet the plan's verification.</summary>
public sealed class VerificationFailed : DrillException
{
    public VerificationFailed(string message)
        : base(message)
    {
    }
}
