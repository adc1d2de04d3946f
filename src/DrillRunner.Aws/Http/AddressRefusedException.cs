using System.Net;

namespace DrillRunner.Aws.Http;

/// <summary>A probe's connection refused before it was made: the host resolved to an address no probe may reach.</summary>
internal sealed class AddressRefusedException(string host, IPAddress address, string reason)
    : Exception(host.Trim('[', ']') == address.ToString() ? $"{address} is {reason}." : $"{host} resolves to {address}, {reason}.");
