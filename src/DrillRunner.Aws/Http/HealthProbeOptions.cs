using System.Net;

namespace DrillRunner.Aws.Http;

/// <summary>
/// Where health probes may connect, decided by the composition root that knows where it runs
/// (never guessed from the environment: a function that sniffed "am I local?" could be told yes).
/// </summary>
public sealed record HealthProbeOptions
{
    /// <summary>In AWS: loopback is the function's own runtime API and extensions, never the application.</summary>
    public static HealthProbeOptions Deployed { get; } = new();

    /// <summary>Local mode (`drill demo`, the local tests): the application under test listens on 127.0.0.1.</summary>
    public static HealthProbeOptions LocalMode { get; } = new() { LoopbackAllowed = true };

    public bool LoopbackAllowed { get; init; }

    /// <summary>Resolves a host name when the probe connects; tests replace DNS with a table of their own.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; init; } = Dns.GetHostAddressesAsync;
}
