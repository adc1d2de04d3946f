using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Core.Plans;

/// <summary>
/// Where a health probe may not go. The probe runs inside the runner's Lambda: a link-local address
/// reaches the instance metadata and container credential services (the runner's own credentials),
/// a loopback address reaches the function's own runtime API and extensions, and credentials
/// written into a URL end up in logs and run records. The plan reader refuses what it can see in the
/// URL; the probe applies <see cref="Refusal(IPAddress, bool)"/> to every address it actually
/// connects to, because a name (nip.io, DNS rebinding, a redirect) can lead anywhere.
/// </summary>
public static class HealthCheckAddresses
{
    /// <summary>What to do instead, for every refusal.</summary>
    public const string Fix = "probe the restored application's own endpoint, reachable from the runner's network, e.g. https://app.example.com/health.";

    /// <summary>The IPv6 address of the EC2 instance metadata service.</summary>
    private static readonly IPAddress Ipv6MetadataService = IPAddress.Parse("fd00:ec2::254");

    /// <summary>NAT64's well-known prefix 64:ff9b::/96: the address behind it is the IPv4 one in its last four bytes.</summary>
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>
    /// Names some resolvers map to the instance metadata service. The probe's address check refuses
    /// them anyway where they resolve there; refusing the name too lets `plan validate` say so early.
    /// </summary>
    private static readonly HashSet<string> MetadataHostNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "instance-data",
        "instance-data.ec2.internal",
    };

    /// <summary>
    /// Whether the URL's host is loopback (a literal address, or localhost): a plan may name it, for
    /// local drills, but a drill in AWS refuses it at probe time, so `plan validate` says so.
    /// </summary>
    public static bool IsLocalOnly(string urlTemplate)
    {
        // Placeholders such as {{restored.orders}} sit in the path or query, never the host: replace them to parse.
        if (!Uri.TryCreate(urlTemplate.Replace("{{", "x", StringComparison.Ordinal).Replace("}}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && Refusal(address, loopbackAllowed: false) is not null && Refusal(address, loopbackAllowed: true) is null);
    }

    /// <summary>Why a probe may not go to this (already parsed, http(s)) URL; null if it may. Loopback is decided at probe time.</summary>
    public static (string Message, string Fix)? Refusal(Uri uri)
    {
        if (uri.UserInfo.Length > 0)
        {
            return ("carries credentials in the URL, which would be logged and stored in every run record.", "let the application accept the probe without credentials, or use a verifier Lambda that reads them from Secrets Manager.");
        }

        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.');
        if (MetadataHostNames.Contains(host))
        {
            return ($"names '{host}', the instance metadata service, which hands out the runner's own credentials.", Fix);
        }

        if (IPAddress.TryParse(host, out var address) && Refusal(address, loopbackAllowed: true) is { } reason)
        {
            return ($"points at {address}, {reason}.", Fix);
        }

        return null;
    }

    /// <summary>Why a probe may not connect to this address (resolved at probe time); null if it may.</summary>
    /// <param name="loopbackAllowed">Only in local mode, where the application under test listens on 127.0.0.1.</param>
    public static string? Refusal(IPAddress address, bool loopbackAllowed)
    {
        var judged = Embedded(address);
        if (IsLinkLocalOrMetadata(judged))
        {
            return "a link-local address, where the instance metadata and container credential services hand out the runner's own credentials";
        }

        if (!loopbackAllowed && IsLoopbackOrUnspecified(judged))
        {
            return "a loopback address: in AWS that is the function's own runtime API and extensions, never the restored application (loopback is allowed only in local mode)";
        }

        return null;
    }

    /// <summary>The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, or NAT64), else the address itself.</summary>
    private static IPAddress Embedded(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetworkV6 && bytes.AsSpan(0, 12).SequenceEqual(Nat64Prefix)
            ? new IPAddress(bytes.AsSpan(12, 4))
            : address;
    }

    private static bool IsLinkLocalOrMetadata(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork
            ? address.GetAddressBytes() is [169, 254, _, _]
            : address.IsIPv6LinkLocal || address.Equals(Ipv6MetadataService);

    /// <summary>0.0.0.0/8 and :: count as loopback: connecting to them reaches this host on Linux.</summary>
    private static bool IsLoopbackOrUnspecified(IPAddress address) =>
        IPAddress.IsLoopback(address)
        || address.Equals(IPAddress.IPv6Any)
        || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] == 0);
}
