namespace DrillRunner.Core.Ports;

/// <summary>Opens (and closes) a TCP connection to a restored database's endpoint.</summary>
public interface IEndpointProbe
{
    /// <summary>Null when the endpoint accepted a connection within the timeout, otherwise why not.</summary>
    Task<string?> TryConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken);
}
