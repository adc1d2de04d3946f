namespace DrillRunner.Core.Errors;

/// <summary>
/// Base of the typed errors. A Lambda reports an unhandled exception's short type name as the
/// error name, so these class names are the contract that the state machine's Catch matches.
/// </summary>
public abstract class DrillException : Exception
{
    protected DrillException(string message)
        : base(message)
    {
    }

    /// <summary>Error names that mean the drill found a problem, as opposed to the runner failing.</summary>
    public static IReadOnlySet<string> DrillFindings { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(RecoveryPointNotFound),
        nameof(RestoreFailed),
        nameof(RestoreTimedOut),
        nameof(VerificationFailed),
        nameof(RecoveryPointTooOld),
        nameof(VerifierFailed),
        nameof(DrillOutOfTime),
    };
}
