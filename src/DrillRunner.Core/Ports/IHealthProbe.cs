using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>Runs one HTTP health check against the scratch environment.</summary>
public interface IHealthProbe
{
    Task<HealthCheckResult> ProbeAsync(HttpHealthCheck check, Uri url, CancellationToken cancellationToken);
}
