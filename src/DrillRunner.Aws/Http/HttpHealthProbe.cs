using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.Http;

/// <summary>Probes an HTTP endpoint: expected status, optional body text, per-check timeout.</summary>
public sealed class HttpHealthProbe(HttpClient http, TimeProvider time) : IHealthProbe
{
    public async Task<HealthCheckResult> ProbeAsync(HttpHealthCheck check, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(check.TimeoutSeconds));
        try
        {
            using var response = await http.GetAsync(url, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (status != check.ExpectedStatus)
            {
                return Result(false, status, $"expected HTTP {check.ExpectedStatus}, got {status}");
            }

            if (check.BodyContains is { } expected && !body.Contains(expected, StringComparison.Ordinal))
            {
                return Result(false, status, $"HTTP {status}, but the body does not contain \"{expected}\"");
            }

            return Result(true, status, $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(false, null, $"no answer within {check.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return Result(false, null, $"request failed: {ex.Message}");
        }

        HealthCheckResult Result(bool passed, int? status, string detail) =>
            new(check.Name, url.ToString(), passed, status, detail, time.GetUtcNow());
    }
}
