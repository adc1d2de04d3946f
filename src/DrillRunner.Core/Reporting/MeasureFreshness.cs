using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Reporting;

/// <summary>
/// Hours since each plan's last PASS. A CloudWatch alarm cannot look back 8 days (7 at most), so a
/// daily job measures staleness itself and the alarm watches this number.
/// </summary>
public sealed class MeasureFreshness(IPlanStore plans, IRunStore runs, TimeProvider time)
{
    /// <summary>What a plan that has never passed reports: far beyond any threshold.</summary>
    public const double NeverPassedHours = 1_000_000;

    public async Task<IReadOnlyList<(string Plan, double HoursSinceLastPass)>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new List<(string, double)>();
        foreach (var plan in await plans.ListNamesAsync(cancellationToken))
        {
            var lastPass = (await runs.HistoryAsync(plan, null, int.MaxValue, cancellationToken)).FirstOrDefault(r => r.Verdict == Verdict.Pass);
            result.Add((plan, lastPass is null ? NeverPassedHours : (now - lastPass.StartedAt).TotalHours));
        }

        return result;
    }
}
