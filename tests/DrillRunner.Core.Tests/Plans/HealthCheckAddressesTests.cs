using System.Net;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

/// <summary>The one rule for where a health probe may go: what the plan says, and what a name resolves to.</summary>
public sealed class HealthCheckAddressesTests
{
    [Theory]
    [InlineData("169.254.169.254")] // EC2 instance metadata
    [InlineData("169.254.170.2")] // ECS container credentials
    [InlineData("169.254.0.1")]
    [InlineData("fd00:ec2::254")] // EC2 instance metadata over IPv6
    [InlineData("fe80::1")]
    [InlineData("::ffff:169.254.169.254")] // IPv4-mapped
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    public void Refusal_LinkLocalOrMetadataAddress_IsRefusedEvenInLocalMode(string address)
    {
        var reason = HealthCheckAddresses.Refusal(IPAddress.Parse(address), loopbackAllowed: true);

        Assert.NotNull(reason);
        Assert.Contains("link-local", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void Refusal_LoopbackAddress_IsRefusedOutsideLocalModeOnly(string address)
    {
        Assert.Contains("loopback", HealthCheckAddresses.Refusal(IPAddress.Parse(address), loopbackAllowed: false), StringComparison.Ordinal);
        Assert.Null(HealthCheckAddresses.Refusal(IPAddress.Parse(address), loopbackAllowed: true));
    }

    [Theory]
    [InlineData("10.0.12.7")]
    [InlineData("172.31.0.5")]
    [InlineData("93.184.216.34")]
    [InlineData("2600:1f18::1")]
    [InlineData("169.253.255.255")]
    public void Refusal_AnApplicationsAddress_IsAllowed(string address)
    {
        Assert.Null(HealthCheckAddresses.Refusal(IPAddress.Parse(address), loopbackAllowed: false));
    }

    [Theory]
    [InlineData("http://instance-data/latest/meta-data/")]
    [InlineData("http://INSTANCE-DATA.ec2.internal./latest/meta-data/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    public void Read_HealthUrlNamingTheMetadataService_IsAProblemWithPathAndFix(string url)
    {
        var result = PlanReader.Read(PlanSamples.With("https://app.example.com/health?table={{restored.orders}}", url));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.healthChecks[0].url", problem.Path);
        Assert.Contains("metadata", problem.Message, StringComparison.Ordinal);
        Assert.Equal(HealthCheckAddresses.Fix, problem.Fix);
    }

    [Fact]
    public void Read_LoopbackHealthUrl_IsLeftToTheProbe_WhichKnowsWhetherItRunsLocally()
    {
        Assert.True(PlanReader.Read(PlanSamples.With("https://app.example.com/health?table={{restored.orders}}", "http://127.0.0.1:8080/health")).IsValid);
    }
}
