using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>
/// Runs the plan's app-level checks against the scratch environment. T_healthy is when they all
/// passed; with no checks, when the last target was verified.
/// </summary>
public sealed class CheckHealth(IRunStore runs, IHealthProbe probe, TimeProvider time)
{
    public async Task<RunRef> ExecuteAsync(RunRef input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var targets = await runs.GetTargetsAsync(input.RunId, cancellationToken);
        var restored = targets
            .Where(t => t.Stage == TargetStage.Verified && t.Scratch is not null)
            .ToDictionary(t => t.TargetId, t => t.Scratch!.Name, StringComparer.Ordinal);
        var allVerified = targets.Count > 0 && targets.All(t => t.Stage == TargetStage.Verified);

        var results = new List<HealthCheckResult>();
        foreach (var check in context.Plan.HealthChecks)
        {
            var (url, unrestored) = HealthUrls.Fill(check.UrlTemplate, restored);
            results.Add(url is null
                ? new HealthCheckResult(check.Name, check.UrlTemplate, false, null, $"not run: target(s) {string.Join(", ", unrestored)} were not restored and verified", time.GetUtcNow(), Skipped: true)
                : await probe.ProbeAsync(check, url, cancellationToken));
        }

        DateTimeOffset? healthyAt = null;
        if (allVerified && results.All(r => r.Passed))
        {
            healthyAt = results.Count > 0 ? time.GetUtcNow() : targets.Max(t => t.VerifiedAt);
        }

        await runs.SaveAsync(context.Run with { HealthChecks = results, HealthyAt = healthyAt }, cancellationToken);
        return input;
    }
}
