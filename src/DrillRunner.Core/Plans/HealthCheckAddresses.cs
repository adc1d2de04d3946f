using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Core.Plans;

/// <summary>
/// Where a health probe may not go: the probe runs inside the runner's Lambda, so a URL at a
/// link-local address reaches the instance metadata and container credential services (the
/// runner's own credentials), and credentials written into a URL end up in logs and run records.
/// </summary>
public static class HealthCheckAddresses
{
    /// <summary>The IPv6 address of the EC2 instance metadata service.</summary>
    private static readonly IPAddress Ipv6MetadataService = IPAddress.Parse("fd00:ec2::254");

    /// <summary>Why a probe may not go to this (already parsed, http(s)) URL; null if it may.</summary>
    public static (string Message, string Fix)? Refusal(Uri uri)
    {
        if (uri.UserInfo.Length > 0)
        {
            return ("carries credentials in the URL, which would be logged and stored in every run record.", "let the application accept the probe without credentials, or use a verifier Lambda that reads them from Secrets Manager.");
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IsMetadataOrLinkLocal(address))
        {
            return ($"points at {address}, a link-local or instance metadata address that can hand out the runner's own credentials.", "probe the restored application's own endpoint, e.g. https://app.example.com/health.");
        }

        return null;
    }

    private static bool IsMetadataOrLinkLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetwork
            ? address.GetAddressBytes() is [169, 254, _, _]
            : address.IsIPv6LinkLocal || address.Equals(Ipv6MetadataService);
    }
}
