namespace DrillRunner.Core.Errors;

/// <summary>
/// The drill reached its own deadline before this target finished: the drill ends itself with a
/// verdict and tears down while there is time, rather than being cut off by the state machine's
/// timeout, which runs no Catch.
/// </summary>
public sealed class DrillOutOfTime : DrillException
{
    public DrillOutOfTime(string message)
        : base(message)
    {
    }
}
