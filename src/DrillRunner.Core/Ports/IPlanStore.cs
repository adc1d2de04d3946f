namespace DrillRunner.Core.Ports;

/// <summary>Versioned drill plans, stored in the runs table.</summary>
public interface IPlanStore
{
    /// <summary>The newest version of a plan, or null.</summary>
    Task<StoredPlan?> GetLatestAsync(string planName, CancellationToken cancellationToken);

    /// <summary>The names of every stored plan.</summary>
    Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken);

    /// <summary>Stores the plan's JSON as the next version and returns that version.</summary>
    Task<int> SaveAsync(string planName, string planJson, DateTimeOffset savedAt, CancellationToken cancellationToken);
}
