namespace DrillRunner.Core.Errors;

/// <summary>AWS accepted a restore that then did not produce a usable table, or refused to start it.</summary>
public sealed class RestoreFailed : DrillException
{
    public RestoreFailed(string message)
        : base(message)
    {
    }
}
