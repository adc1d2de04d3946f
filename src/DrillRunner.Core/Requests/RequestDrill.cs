using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Requests;

/// <summary>
/// `drill run`: checks the plan exists and is free, then writes the request item. BeginDrill takes
/// the lock for real, so a request racing another still ends as a Rejected run naming the holder.
/// </summary>
public sealed class RequestDrill(IPlanStore plans, IRunStore runs, IDrillRequests requests, ICallerIdentity caller, TimeProvider time)
{
    public async Task<RequestOutcome> ExecuteAsync(string planName, string reason, CancellationToken cancellationToken)
    {
        if (await plans.GetLatestAsync(planName, cancellationToken) is null)
        {
            return new RequestOutcome(null, $"no plan named '{planName}' is stored. Fix: drill plan apply FILE", null);
        }

        var now = time.GetUtcNow();
        if (await runs.GetPlanLockAsync(planName, now, cancellationToken) is { } holder)
        {
            return new RequestOutcome(null, null, holder);
        }

        var request = new DrillRequest(Guid.NewGuid().ToString("N"), planName, reason, await caller.WhoAsync(cancellationToken), now);
        await requests.SubmitAsync(request, cancellationToken);
        return new RequestOutcome(request, null, null);
    }
}
