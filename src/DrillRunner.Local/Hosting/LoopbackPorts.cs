using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Local.Hosting;

/// <summary>A loopback port nothing listens on right now.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
