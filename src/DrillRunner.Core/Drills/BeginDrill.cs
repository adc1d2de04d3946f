using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Core.Selection;

namespace DrillRunner.Core.Drills;

/// <summary>Loads and validates the plan, creates the run (T0 = now) and takes the plan's lock.</summary>
/// <param name="timeLimit">The drill's time limit (the state machine's timeout); the plan's lock lasts as long, so an aborted run frees the plan.</param>
/// <param name="recoveryPoints">Reads the continuous-backup windows a common instant is chosen from.</param>
/// <param name="selectable">Reads what a plan's "select" rules can match; without it a plan with rules ends in ERROR.</param>
/// <param name="runsTable">The runner's own runs table: never selected.</param>
public sealed class BeginDrill(IPlanStore plans, IRunStore runs, IDrillRequests requests, IRecoveryPointCatalog recoveryPoints, TimeProvider time, Random random, TimeSpan? timeLimit = null, ISelectableResources? selectable = null, string? runsTable = null)
{
    /// <summary>How long a lock outlives its run's start by default: the state machine's own timeout.</summary>
    public static readonly TimeSpan LockLifetime = DrillDeadline.DefaultTimeLimit;

    private readonly TimeSpan _timeLimit = timeLimit ?? LockLifetime;

    public async Task<BeginResult> ExecuteAsync(BeginRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PlanName))
        {
            throw new PlanNotFound("The drill request names no plan: set \"planName\" in the execution input.");
        }

        var stored = await plans.GetLatestAsync(request.PlanName, cancellationToken)
            ?? throw new PlanNotFound($"No plan named '{request.PlanName}' is stored in the runs table. Store it with: drill plan apply FILE");

        var startedAt = time.GetUtcNow();
        var runId = RunIds.New(startedAt, random);

        // Lambda runs a function at least once: a second delivery for the same execution answers with the run the first began.
        if (!string.IsNullOrEmpty(request.ExecutionId)
            && await runs.ClaimExecutionAsync(request.ExecutionId, runId, startedAt + _timeLimit, cancellationToken) is { } claimedBy)
        {
            return await AlreadyBegunAsync(claimedBy, cancellationToken);
        }

        // A drill runs in its stack's partition, region and account: its execution's ARN says which.
        var stack = request.ExecutionId is { } execution ? ArnScope.Of(execution) : null;
        var validation = PlanReader.Read(stored.Json, stack: stack);
        var run = new DrillRun(runId, stored.Name, stored.Version, stored.Json, request.Trigger ?? "manual", startedAt)
        {
            Reason = request.Reason,
            RequestedBy = request.RequestedBy,
            ExecutionId = request.ExecutionId,
            Deadline = DrillDeadline.For(startedAt, _timeLimit),
        };

        if (!validation.IsValid)
        {
            return await EndAtOnceAsync(request, run, $"plan '{stored.Name}' v{stored.Version} is invalid, so nothing was drilled: {string.Join(" | ", validation.Problems)}", cancellationToken);
        }

        var plan = validation.Plan!;
        run = run with
        {
            TargetIds = plan.Targets.Select(t => t.Id).ToList(),
            RtoObjectiveMinutes = plan.Objectives.RtoMinutes,
            FailOnRunbookGap = plan.FailOnRunbookGap,
            RpoObjectiveMinutes = plan.Objectives.RpoMinutes,
            MaxSkewSeconds = plan.MaxSkewSeconds,
            Seed = random.Next(),
        };

        if (!string.IsNullOrEmpty(request.RecoveryPoint) && request.RecoveryPoint != PointSelects.FollowPlan)
        {
            if (PointSelects.Parse(request.RecoveryPoint) is not { } asked)
            {
                return await EndAtOnceAsync(request, run, $"the drill request's recoveryPoint '{request.RecoveryPoint}' is not one of {string.Join(", ", PointSelects.Names)} (or \"{PointSelects.FollowPlan}\" for the plan's own), so nothing was drilled", cancellationToken);
            }

            run = run with { PointOverride = asked };
        }

        var holder = await runs.TryLockPlanAsync(plan.Name, runId, startedAt, startedAt + _timeLimit, cancellationToken);
        if (holder is not null)
        {
            var reason = $"plan '{plan.Name}' is already being drilled by run {holder.RunId} (since {holder.Since:u}); this request did not start a second drill";
            await runs.CreateAsync(run with { Status = RunStatus.Rejected, VerdictReason = reason, ConcludedAt = startedAt }, [], cancellationToken);
            await LinkAsync(request, runId, cancellationToken);
            return new BeginResult(runId, plan.Name, false, reason, 1, []);
        }

        List<TargetRun> targets;
        try
        {
            if (plan.Selection.Count > 0)
            {
                var outcome = await SelectAsync(stored.Json, plan, stack, cancellationToken);
                run = run with { Selection = outcome.Selection };
                if (!outcome.Succeeded)
                {
                    // Nothing was created: the run ends here, in ERROR, and frees the plan.
                    return await EndAtOnceAsync(request, run, SelectionEnded(plan.Name, stored.Version, outcome.Error!), cancellationToken, releaseLock: true);
                }

                // Every later step reads the run's own copy of the plan: the targets found now, not at some later listing.
                plan = outcome.Plan!;
                run = run with { PlanJson = outcome.PlanJson, TargetIds = plan.Targets.Select(t => t.Id).ToList() };
            }

            // T is chosen from the targets the drill really has, before anything is restored.
            if (plan.RecoveryInstant == RecoveryInstant.Common)
            {
                var (instant, whyNone) = await new ChooseCommonInstant(recoveryPoints, time).ChooseAsync(plan, run, cancellationToken);
                if (instant is null)
                {
                    return await EndAtOnceAsync(request, run, $"no common recovery instant, so nothing was restored: {whyNone}", cancellationToken, releaseLock: true);
                }

                run = run with { Instant = instant };
            }

            targets = plan.Targets.Select(t => new TargetRun(runId, t.Id, t.SourceName)).ToList();
            await runs.CreateAsync(run with { HoldsPlanLock = true }, targets, cancellationToken);
        }
        catch
        {
            // No run record means no teardown will ever release the lock: release it now, then fail loudly.
            await runs.ReleasePlanLockAsync(plan.Name, runId, CancellationToken.None);
            throw;
        }

        await LinkAsync(request, runId, cancellationToken);
        return Started(runId, plan, $"run {runId} of plan '{plan.Name}' v{stored.Version} began with {targets.Count} target(s)");
    }

    /// <summary>The reason a run records when its selection ends it in ERROR; `plan validate --resolve` says the same of a plan file (no version yet).</summary>
    public static string SelectionEnded(string planName, int? version, string error) =>
        $"plan '{planName}'{(version is { } v ? $" v{v}" : string.Empty)}: {error}";

    /// <summary>A drill that ends before anything is created: ERROR with the reason, already torn down; the plan's lock freed if taken.</summary>
    private async Task<BeginResult> EndAtOnceAsync(BeginRequest request, DrillRun run, string reason, CancellationToken cancellationToken, bool releaseLock = false)
    {
        var startedAt = run.StartedAt;
        await runs.CreateAsync(run with { Verdict = Verdict.Error, VerdictReason = reason, Status = RunStatus.TornDown, ConcludedAt = startedAt, TornDownAt = startedAt }, [], cancellationToken);
        if (releaseLock)
        {
            await runs.ReleasePlanLockAsync(run.PlanName, run.RunId, CancellationToken.None);
        }

        await LinkAsync(request, run.RunId, cancellationToken);
        return new BeginResult(run.RunId, run.PlanName, false, reason, 1, []);
    }

    private async Task<SelectionOutcome> SelectAsync(string planJson, DrillPlan plan, ArnScope? stack, CancellationToken cancellationToken)
    {
        if (selectable is null)
        {
            return new SelectionOutcome(new RunSelection([], []), planJson, null, "this runner was built without resource listings, so its \"select\" rules cannot be resolved. Fix: list the targets explicitly, or run the drill from a DrillRunner stack");
        }

        return await new ResolveSelection(selectable).ExecuteAsync(planJson, plan, SelectionScope.Of(runsTable, stack), cancellationToken);
    }

    private async Task<BeginResult> AlreadyBegunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken);
        var plan = PlanReader.Read(run.PlanJson).Plan;
        if (plan is null || !run.HoldsPlanLock && run.Status is RunStatus.Rejected or RunStatus.TornDown)
        {
            return new BeginResult(runId, run.PlanName, false, run.VerdictReason ?? $"run {runId} already answered this execution", 1, []);
        }

        return Started(runId, plan, $"run {runId} of plan '{plan.Name}' v{run.PlanVersion} had already begun for this execution");
    }

    private static BeginResult Started(string runId, DrillPlan plan, string message) => new(
        runId,
        plan.Name,
        true,
        message,
        plan.MaxConcurrentRestores,
        plan.Targets.Select(t => new TargetRef(runId, t.Id) { Type = t.Type, ResourceArn = (t as AwsBackupTarget)?.ResourceArn, PointsFrom = t is AwsBackupTarget { Origin: not null } ? PointListing.Vaults : null }).ToList());

    private async Task LinkAsync(BeginRequest request, string runId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.RequestId))
        {
            await requests.LinkRunAsync(request.RequestId, runId, cancellationToken);
        }
    }
}
