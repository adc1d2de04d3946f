using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Ports;

/// <summary>Finds the newest usable recovery point of a source table. Read-only against the source.</summary>
public interface IRecoveryPointCatalog
{
    /// <summary>The newest usable recovery point, or null with the reason there is none.</summary>
    Task<RecoveryPointSearch> FindLatestAsync(DynamoDbTarget target, CancellationToken cancellationToken);
}
