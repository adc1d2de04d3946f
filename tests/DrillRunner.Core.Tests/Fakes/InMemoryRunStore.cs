using System.Collections.Concurrent;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Fakes;

internal sealed class InMemoryRunStore : IRunStore
{
    private readonly ConcurrentDictionary<string, string> _executions = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, DrillRun> _runs = new();
    private readonly ConcurrentDictionary<(string, string), TargetRun> _targets = new();
    private readonly ConcurrentDictionary<string, (string RunId, DateTimeOffset Since, DateTimeOffset Expires)> _locks = new();

    public IReadOnlyDictionary<string, (string RunId, DateTimeOffset Since, DateTimeOffset Expires)> Locks => _locks;

    /// <summary>Makes CreateAsync fail as DynamoDB does for an item over 400 KB.</summary>
    public Exception? FailCreate { get; set; }

    public Task CreateAsync(DrillRun run, IReadOnlyList<TargetRun> targets, CancellationToken cancellationToken)
    {
        if (FailCreate is not null)
        {
            throw FailCreate;
        }

        _runs[run.RunId] = run;
        foreach (var target in targets)
        {
            _targets[(target.RunId, target.TargetId)] = target;
        }

        return Task.CompletedTask;
    }

    public Task<DrillRun> GetAsync(string runId, CancellationToken cancellationToken) =>
        _runs.TryGetValue(runId, out var run) ? Task.FromResult(run) : throw new RunNotFound(runId);

    public Task SaveAsync(DrillRun run, CancellationToken cancellationToken)
    {
        _runs[run.RunId] = run;
        return Task.CompletedTask;
    }

    public Task<TargetRun> GetTargetAsync(string runId, string targetId, CancellationToken cancellationToken) =>
        Task.FromResult(_targets[(runId, targetId)]);

    public Task<IReadOnlyList<TargetRun>> GetTargetsAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TargetRun>>(_targets.Values.Where(t => t.RunId == runId).OrderBy(t => t.TargetId, StringComparer.Ordinal).ToList());

    public Task SaveTargetAsync(TargetRun target, CancellationToken cancellationToken)
    {
        _targets[(target.RunId, target.TargetId)] = target;
        return Task.CompletedTask;
    }

    public Task<PlanLockHolder?> TryLockPlanAsync(string planName, string runId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (_locks.TryGetValue(planName, out var held) && held.Expires > now)
        {
            return Task.FromResult<PlanLockHolder?>(new PlanLockHolder(held.RunId, held.Since));
        }

        _locks[planName] = (runId, now, expiresAt);
        return Task.FromResult<PlanLockHolder?>(null);
    }

    public Task<string?> ClaimExecutionAsync(string executionId, string runId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Task.FromResult(_executions.TryAdd(executionId, runId) ? null : _executions[executionId]);

    public Task<string?> FindRunOfExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        Task.FromResult(_executions.TryGetValue(executionId, out var runId) ? runId : null);

    public Task<PlanLockHolder?> GetPlanLockAsync(string planName, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_locks.TryGetValue(planName, out var held) && held.Expires > now ? new PlanLockHolder(held.RunId, held.Since) : null);

    public Task<IReadOnlyList<RunSummary>> HistoryAsync(string planName, DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunSummary>>(_runs.Values
            .Where(r => r.PlanName == planName && (since is null || r.StartedAt >= since))
            .OrderByDescending(r => r.StartedAt)
            .Take(limit)
            .Select(r => new RunSummary(r.RunId, r.PlanName, r.StartedAt, r.Status, r.Verdict))
            .ToList());

    public Task ReleasePlanLockAsync(string planName, string runId, CancellationToken cancellationToken)
    {
        if (_locks.TryGetValue(planName, out var held) && held.RunId == runId)
        {
            _locks.TryRemove(planName, out _);
        }

        return Task.CompletedTask;
    }
}
