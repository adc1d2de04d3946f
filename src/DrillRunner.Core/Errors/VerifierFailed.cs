namespace DrillRunner.Core.Errors;

/// <summary>The user's verifier Lambda failed, timed out or answered something that is not a verdict.</summary>
public sealed class VerifierFailed : DrillException
{
    public VerifierFailed(string message)
        : base(message)
    {
    }
}
