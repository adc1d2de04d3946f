using System.Net.Sockets;
using DrillRunner.Core.Ports;

namespace DrillRunner.Aws.Net;

/// <summary>Connects to a restored database's endpoint and hangs up: proof that something listens there.</summary>
public sealed class TcpEndpointProbe : IEndpointProbe
{
    public async Task<string?> TryConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(host, port, deadline.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s (is the function in the database's VPC, and does its security group allow it?)";
        }
        catch (SocketException ex)
        {
            return $"{ex.SocketErrorCode}: {ex.Message}";
        }
    }
}
