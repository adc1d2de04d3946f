using DrillRunner.Core.Coverage;
using DrillRunner.Core.Ports;

namespace DrillRunner.Core.Tests.Fakes;

internal sealed class InMemoryCoverageStore : ICoverageStore
{
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<EstateObservation>>> _pages = new(StringComparer.Ordinal);
    private readonly List<CoverageAudit> _audits = [];

    public IReadOnlyList<CoverageAudit> Audits => _audits;

    public int Pages(string auditId) => _pages.TryGetValue(auditId, out var pages) ? pages.Count : 0;

    public Task SavePageAsync(string auditId, string pageKey, IReadOnlyList<EstateObservation> observations, CancellationToken cancellationToken)
    {
        if (!_pages.TryGetValue(auditId, out var pages))
        {
            _pages[auditId] = pages = new(StringComparer.Ordinal);
        }

        pages[pageKey] = observations;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EstateObservation>> ReadPagesAsync(string auditId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EstateObservation>>(_pages.TryGetValue(auditId, out var pages) ? [.. pages.Values.SelectMany(p => p)] : []);

    public Task SaveAsync(CoverageAudit audit, CancellationToken cancellationToken)
    {
        _audits.Add(audit);
        return Task.CompletedTask;
    }

    public Task<CoverageAudit?> LatestAsync(CancellationToken cancellationToken) => Task.FromResult(_audits.MaxBy(a => a.StartedAt));

    public Task<CoverageAudit?> GetByRequestAsync(string requestId, CancellationToken cancellationToken) => Task.FromResult(_audits.LastOrDefault(a => a.RequestId == requestId));

    public Task<CoverageAudit?> GetAsync(string auditId, CancellationToken cancellationToken) => Task.FromResult(_audits.LastOrDefault(a => a.AuditId == auditId));
}
