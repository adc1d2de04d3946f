using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Requests;

/// <summary>
/// `drill run`: checks the plan exists and is free, then writes the request item. BeginDrill takes
/// the lock for real, so a request racing another still ends as a Rejected run naming the holder.
/// </summary>
public sealed class RequestDrill(IPlanStore plans, IRunStore runs, IDrillRequests requests, ICallerIdentity caller, TimeProvider time)
{
    /// <param name="recoveryPoint">latest, random or oldest for this one drill; null for the plan's own rule.</param>
    public async Task<RequestOutcome> ExecuteAsync(string planName, string reason, CancellationToken cancellationToken, PointSelect? recoveryPoint = null)
    {
        var check = await CheckAsync(planName, cancellationToken);
        if (check.PlanProblem is not null || check.HeldBy is not null)
        {
            return check;
        }

        var request = new DrillRequest(Guid.NewGuid().ToString("N"), planName, reason, await caller.WhoAsync(cancellationToken), time.GetUtcNow())
        {
            RecoveryPoint = recoveryPoint?.Name() ?? PointSelects.FollowPlan,
        };
        await requests.SubmitAsync(request, cancellationToken);
        return new RequestOutcome(request, null, null);
    }

    /// <summary>What a request would meet, without writing one: the plan unknown, held by another run, or free (nothing set).</summary>
    public async Task<RequestOutcome> CheckAsync(string planName, CancellationToken cancellationToken)
    {
        if (await plans.GetLatestAsync(planName, cancellationToken) is null)
        {
            return new RequestOutcome(null, $"no plan named '{planName}' is stored. Fix: drill plan apply FILE", null);
        }

        return new RequestOutcome(null, null, await runs.GetPlanLockAsync(planName, time.GetUtcNow(), cancellationToken));
    }
}
