using System.Net;
using DrillRunner.Aws.Http;
using DrillRunner.Core.Plans;
using DrillRunner.Local.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Aws.Tests;

/// <summary>
/// The health probe against real HTTP servers on 127.0.0.1: where it may connect is decided by the
/// addresses it actually connects to, and a redirect is the probe's decision, not the application's.
/// Names are resolved through a table the test hands the probe (the hosts file is not ours to edit).
/// </summary>
public sealed class HttpHealthProbeTests : IAsyncLifetime
{
    private const string MetadataName = "metadata.test";
    private const string MixedName = "mixed.test";
    private static readonly IPAddress MetadataService = IPAddress.Parse("169.254.169.254");

    private LoopbackWebApp _app = null!;
    private LoopbackWebApp _other = null!;
    private int _otherRequests;
    private int _appRequests;

    public async Task InitializeAsync()
    {
        // The "other local port": what a redirect from the application under test points at.
        _other = await LoopbackWebApp.StartAsync(
            web => web.MapGet("/secret", () =>
            {
                Interlocked.Increment(ref _otherRequests);
                return "ok: the runtime API's answer";
            }),
            CancellationToken.None);
        _app = await LoopbackWebApp.StartAsync(
            web =>
            {
                web.Use((context, next) =>
                {
                    Interlocked.Increment(ref _appRequests);
                    return next(context);
                });
                web.MapGet("/health", () => "ok");
                web.MapGet("/elsewhere", () => Results.Redirect(new Uri(_other.Url, "/secret").ToString()));
                web.MapGet("/moved", () => Results.Redirect("/health"));
                web.MapGet("/to-metadata", (HttpContext context) => Results.Redirect($"http://{MetadataName}:{context.Request.Host.Port}/latest/meta-data/"));
                web.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Fact]
    public async Task Redirect_ToAnotherLocalPort_IsNotFollowed_AndDoesNotPass()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(bodyContains: "ok"), At(_app, "/elsewhere"), CancellationToken.None);

        Assert.False(result.Passed, result.Detail);
        Assert.Equal(302, result.Status);
        Assert.Contains($"a redirect to {new Uri(_other.Url, "/secret")}, not followed", result.Detail, StringComparison.Ordinal);
        Assert.Contains("\"followRedirects\": true", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _otherRequests);
    }

    [Fact]
    public async Task Redirect_NotFollowed_IsJudgedAsItsOwnStatus()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(expectedStatus: 302), At(_app, "/elsewhere"), CancellationToken.None);

        Assert.True(result.Passed, result.Detail);
        Assert.StartsWith("HTTP 302 (a redirect to", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _otherRequests);
    }

    [Fact]
    public async Task Redirect_WhenThePlanFollowsRedirects_IsFollowedToItsTarget()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(bodyContains: "ok", followRedirects: true), At(_app, "/moved"), CancellationToken.None);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal("HTTP 200", result.Detail);
    }

    [Fact]
    public async Task Redirect_Followed_ToANameOfTheMetadataService_IsRefusedBeforeConnecting()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(followRedirects: true), At(_app, "/to-metadata"), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains($"refused: the redirect from {At(_app, "/to-metadata")} to http://{MetadataName}:", result.Detail, StringComparison.Ordinal);
        Assert.Contains($"{MetadataName} resolves to {MetadataService}, a link-local address", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Fix: probe the restored application's own endpoint", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_BeyondTheLimit_AreNotFollowed()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(followRedirects: true), At(_app, "/loop/0"), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Contains($"more than {HttpHealthCheck.MaxRedirects} redirects", result.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpHealthCheck.MaxRedirects + 1, _appRequests);
    }

    [Fact]
    public async Task NameResolvingToALinkLocalAddress_IsRefused_SayingWhyAndWhatToDo()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(), new Uri($"http://{MetadataName}:{_app.Url.Port}/latest/meta-data/"), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Null(result.Status);
        Assert.Equal(
            $"refused: http://{MetadataName}:{_app.Url.Port}/latest/meta-data/: {MetadataName} resolves to {MetadataService}, a link-local address, where the instance metadata and container credential services hand out the runner's own credentials. Not connected. Fix: {HealthCheckAddresses.Fix}",
            result.Detail);
    }

    [Fact]
    public async Task NameResolvingToTheApplicationAndToALinkLocalAddress_IsRefusedWithoutConnecting()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(), new Uri($"http://{MixedName}:{_app.Url.Port}/health"), CancellationToken.None);

        Assert.False(result.Passed, result.Detail);
        Assert.Contains($"{MixedName} resolves to {MetadataService}", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _appRequests);
    }

    [Fact]
    public async Task Loopback_OutsideLocalMode_IsRefusedWithoutConnecting()
    {
        using var probe = Probe(HealthProbeOptions.Deployed);

        var result = await probe.ProbeAsync(Check(), At(_app, "/health"), CancellationToken.None);

        Assert.False(result.Passed, result.Detail);
        Assert.Contains("127.0.0.1 is a loopback address: in AWS that is the function's own runtime API and extensions", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Not connected. Fix:", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _appRequests);
    }

    [Fact]
    public async Task LoopbackName_OutsideLocalMode_IsRefused_WithTheSystemResolver()
    {
        using var probe = new HttpHealthProbe(TimeProvider.System, HealthProbeOptions.Deployed);

        var result = await probe.ProbeAsync(Check(), new Uri($"http://localhost:{_app.Url.Port}/health"), CancellationToken.None);

        Assert.False(result.Passed, result.Detail);
        Assert.Contains("localhost resolves to", result.Detail, StringComparison.Ordinal);
        Assert.Contains("a loopback address", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _appRequests);
    }

    [Fact]
    public async Task Loopback_InLocalMode_IsProbed()
    {
        using var probe = Probe(HealthProbeOptions.LocalMode);

        var result = await probe.ProbeAsync(Check(bodyContains: "ok"), At(_app, "/health"), CancellationToken.None);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal(1, _appRequests);
    }

    private static HttpHealthProbe Probe(HealthProbeOptions mode) => new(TimeProvider.System, mode with { Resolve = ResolveFromTable });

    /// <summary>The test's DNS: a name for the metadata service, and one that also names the application.</summary>
    private static Task<IPAddress[]> ResolveFromTable(string host, CancellationToken cancellationToken) => Task.FromResult<IPAddress[]>(host switch
    {
        MetadataName => [MetadataService],
        MixedName => [IPAddress.Loopback, MetadataService],
        _ => throw new InvalidOperationException($"the test resolves no {host}"),
    });

    private static Uri At(LoopbackWebApp app, string path) => new(app.Url, path);

    private static HttpHealthCheck Check(int expectedStatus = 200, string? bodyContains = null, bool followRedirects = false) =>
        new("app", "unused: the probe is given the filled URL", expectedStatus, bodyContains, 10, followRedirects);
}
