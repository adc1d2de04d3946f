namespace DrillRunner.Core.Ports;

/// <summary>Who is asking for a drill (in AWS: the caller's ARN from STS).</summary>
public interface ICallerIdentity
{
    Task<string> WhoAsync(CancellationToken cancellationToken);
}
