using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Ports;

/// <summary>Finds a source table's recovery points. Read-only against the source.</summary>
public interface IRecoveryPointCatalog
{
    /// <summary>The point the run wants (newest, drawn, oldest, or at a common instant), or null with the reason there is none.</summary>
    Task<RecoveryPointSearch> FindAsync(DynamoDbTarget target, PointWanted wanted, CancellationToken cancellationToken);

    /// <summary>The instants the table's point-in-time recovery can restore to now; null when it is off or the table is gone.</summary>
    Task<ContinuousWindow?> ContinuousWindowAsync(string tableName, CancellationToken cancellationToken);
}
