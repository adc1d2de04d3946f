using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Fakes;

/// <summary>Tables' point-in-time recovery windows, as DescribeContinuousBackups would answer them; a table not listed has PITR off.</summary>
public sealed class FakeRecoveryPoints : IRecoveryPointCatalog
{
    public Dictionary<string, ContinuousWindow> Windows { get; } = new(StringComparer.Ordinal);

    public List<string> Looked { get; } = [];

    public Task<RecoveryPointSearch> FindAsync(DynamoDbTarget target, PointWanted wanted, CancellationToken cancellationToken) =>
        Task.FromResult(Windows.TryGetValue(target.TableName, out var window)
            ? new RecoveryPointSearch(new RecoveryPoint(RecoveryPoint.Pitr, null, wanted.Instant ?? window.Latest) { ExactInstant = wanted.Instant is not null }, null)
            : new RecoveryPointSearch(null, "point-in-time recovery is not enabled"));

    public Task<ContinuousWindow?> ContinuousWindowAsync(string tableName, CancellationToken cancellationToken)
    {
        lock (Looked)
        {
            Looked.Add(tableName);
        }

        return Task.FromResult(Windows.GetValueOrDefault(tableName));
    }
}
