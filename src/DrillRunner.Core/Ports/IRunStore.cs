using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>The runs table: run records, their targets, and the per-plan lock.</summary>
public interface IRunStore
{
    /// <summary>Writes a new run and its pending targets.</summary>
    Task CreateAsync(DrillRun run, IReadOnlyList<TargetRun> targets, CancellationToken cancellationToken);

    /// <summary>Reads a run; throws <see cref="Errors.RunNotFound"/> if there is none.</summary>
    Task<DrillRun> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Replaces the run header.</summary>
    Task SaveAsync(DrillRun run, CancellationToken cancellationToken);

    /// <summary>Reads one target of a run.</summary>
    Task<TargetRun> GetTargetAsync(string runId, string targetId, CancellationToken cancellationToken);

    /// <summary>Reads every target of a run.</summary>
    Task<IReadOnlyList<TargetRun>> GetTargetsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Replaces one target's record.</summary>
    Task SaveTargetAsync(TargetRun target, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the plan's lock for a run unless another run holds it and it has not expired.
    /// Returns null on success, otherwise the holder.
    /// </summary>
    Task<PlanLockHolder?> TryLockPlanAsync(string planName, string runId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The run holding the plan's lock now, or null if the plan is free (an expired lock is free).</summary>
    Task<PlanLockHolder?> GetPlanLockAsync(string planName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The plan's runs, newest first, started at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RunSummary>> HistoryAsync(string planName, DateTimeOffset? since, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims an execution for a run, once: Lambda may deliver BeginDrill twice for one execution.
    /// Returns null when this run now owns the execution, otherwise the run that claimed it first.
    /// </summary>
    Task<string?> ClaimExecutionAsync(string executionId, string runId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The run an execution began (its claim), or null if it began none.</summary>
    Task<string?> FindRunOfExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Releases the plan's lock if (and only if) this run holds it.</summary>
    Task ReleasePlanLockAsync(string planName, string runId, CancellationToken cancellationToken);
}
