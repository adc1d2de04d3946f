using System.Net;
using System.Net.Sockets;
using DrillRunner.Aws.Net;

namespace DrillRunner.Aws.Tests;

/// <summary>The restored database's endpoint check: a listener answers, a closed port is named as refused.</summary>
public sealed class TcpEndpointProbeTests
{
    [Fact]
    public async Task Listening_Endpoint_IsAccepted()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        var refused = await new TcpEndpointProbe().TryConnectAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, TimeSpan.FromSeconds(5), default);

        Assert.Null(refused);
    }

    [Fact]
    public async Task ClosedPort_SaysWhy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var refused = await new TcpEndpointProbe().TryConnectAsync("127.0.0.1", port, TimeSpan.FromSeconds(5), default);

        Assert.Contains("ConnectionRefused", refused, StringComparison.Ordinal);
    }
}
