using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Tests.Fakes;

internal sealed class InMemoryPlanStore : IPlanStore
{
    private readonly Dictionary<string, List<string>> _versions = new(StringComparer.Ordinal);

    public Task<StoredPlan?> GetLatestAsync(string planName, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.TryGetValue(planName, out var versions) ? new StoredPlan(planName, versions.Count, versions[^1]) : null);

    public Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_versions.Keys.ToList());

    public Task<int> SaveAsync(string planName, string planJson, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        if (!_versions.TryGetValue(planName, out var versions))
        {
            _versions[planName] = versions = [];
        }

        versions.Add(planJson);
        return Task.FromResult(versions.Count);
    }
}
