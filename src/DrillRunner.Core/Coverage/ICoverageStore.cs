namespace DrillRunner.Core.Coverage;

/// <summary>The coverage audits in the runs table: the pages an audit's listings gave, and the judged audits.</summary>
public interface ICoverageStore
{
    /// <summary>Keeps one page's observations; saving the same page twice (a retried invocation) keeps one copy.</summary>
    Task SavePageAsync(string auditId, string pageKey, IReadOnlyList<EstateObservation> observations, CancellationToken cancellationToken);

    /// <summary>Every observation every page of the audit gave.</summary>
    Task<IReadOnlyList<EstateObservation>> ReadPagesAsync(string auditId, CancellationToken cancellationToken);

    Task SaveAsync(CoverageAudit audit, CancellationToken cancellationToken);

    /// <summary>The newest judged audit, or null when none was ever judged.</summary>
    Task<CoverageAudit?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>The audit a request (<c>drill coverage --now</c>) started, or null until it is judged.</summary>
    Task<CoverageAudit?> GetByRequestAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>One audit, or null if it was never judged (still running, failed, or unknown).</summary>
    Task<CoverageAudit?> GetAsync(string auditId, CancellationToken cancellationToken);
}
