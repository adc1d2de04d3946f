using System.Net;
using System.Net.Sockets;
using DrillRunner.Core.Plans;

namespace DrillRunner.Aws.Http;

/// <summary>
/// The probe's only way onto the network: resolves the host itself, refuses if any address it
/// resolves to is one no probe may reach, and connects to exactly the addresses it checked. Checking
/// the URL's text is not enough: `169.254.169.254.nip.io` is a public name for the metadata service,
/// and a name can resolve differently by the time HttpClient connects (DNS rebinding).
/// </summary>
internal sealed class CheckedConnections(HealthProbeOptions options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await options.Resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        foreach (var address in addresses)
        {
            if (HealthCheckAddresses.Refusal(address, options.LoopbackAllowed) is { } reason)
            {
                // One bad address refuses the name: a name that also resolves to the metadata
                // service is not a health endpoint, whichever address a connect would pick.
                throw new AddressRefusedException(host, address, reason);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
