using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.Http;

/// <summary>
/// Probes an HTTP endpoint: expected status, optional body text, per-check timeout. Every connection
/// goes through <see cref="CheckedConnections"/>, and redirects are followed only when the plan says
/// so, one checked hop at a time: the application under test must not be able to point the runner
/// at its own credentials.
/// </summary>
public sealed class HttpHealthProbe : IHealthProbe, IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public HttpHealthProbe(TimeProvider time, HealthProbeOptions options)
    {
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler
        {
            // Each hop is the probe's decision (the plan's followRedirects), checked like the URL.
            AllowAutoRedirect = false,

            // A proxy would make the connection on the probe's behalf, past the address check.
            UseProxy = false,
            ConnectCallback = new CheckedConnections(options).ConnectAsync,
        })
        {
            // The plan's timeoutSeconds (up to 300) is the limit; HttpClient's own 100 s would cut it short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<HealthCheckResult> ProbeAsync(HttpHealthCheck check, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(check.TimeoutSeconds));
        var current = url;
        try
        {
            for (var hops = 0; ; hops++)
            {
                if (HealthCheckAddresses.Refusal(current) is { } refusal)
                {
                    return Result(false, null, $"refused: {Where(current)} {refusal.Message} Not requested. Fix: {refusal.Fix}");
                }

                using var response = await _http.GetAsync(current, timeout.Token);
                var status = (int)response.StatusCode;
                var redirect = RedirectTarget(response, current);
                if (redirect is not null && check.FollowRedirects)
                {
                    if (hops == HttpHealthCheck.MaxRedirects)
                    {
                        return Result(false, status, $"more than {HttpHealthCheck.MaxRedirects} redirects; the last, to {Shown(redirect)}, was not followed. Fix: probe the final URL directly.");
                    }

                    if (redirect.Scheme is not ("http" or "https"))
                    {
                        return Result(false, status, $"HTTP {status}: a redirect to {Shown(redirect)}, which is not an http(s) URL, was not followed. Fix: {HealthCheckAddresses.Fix}");
                    }

                    current = redirect;
                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                var notFollowed = redirect is null
                    ? string.Empty
                    : $" (a redirect to {Shown(redirect)}, not followed; set \"followRedirects\": true on the health check to follow it)";
                if (status != check.ExpectedStatus)
                {
                    return Result(false, status, $"expected HTTP {check.ExpectedStatus}, got {status}{notFollowed}");
                }

                if (check.BodyContains is { } expected && !body.Contains(expected, StringComparison.Ordinal))
                {
                    return Result(false, status, $"HTTP {status}{notFollowed}, but the body does not contain \"{expected}\"");
                }

                return Result(true, status, $"HTTP {status}{notFollowed}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(false, null, $"no answer within {check.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex) when (Refused(ex) is { } refused)
        {
            return Result(false, null, $"refused: {Where(current)} {refused.Message} Not connected. Fix: {HealthCheckAddresses.Fix}");
        }
        catch (HttpRequestException ex)
        {
            return Result(false, null, $"request failed: {ex.Message}");
        }

        HealthCheckResult Result(bool passed, int? status, string detail) =>
            new(check.Name, url.ToString(), passed, status, detail, _time.GetUtcNow());

        string Where(Uri target) => target == url ? $"{Shown(target)}:" : $"the redirect from {Shown(url)} to {Shown(target)}:";
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Where a 3xx answer with a Location header points, made absolute; null for any other answer.</summary>
    private static Uri? RedirectTarget(HttpResponseMessage response, Uri requested) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? new Uri(requested, location)
            : null;

    /// <summary>A URL as a result may show it: credentials a redirect carried stay out of the run record.</summary>
    private static string Shown(Uri uri) =>
        uri.UserInfo.Length == 0 ? uri.ToString() : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    private static AddressRefusedException? Refused(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
