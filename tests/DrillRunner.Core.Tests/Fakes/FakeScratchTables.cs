using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Fakes;

/// <summary>Scratch tables in memory: records every delete so tests can prove what was (not) deleted. Safe for teardown's concurrent deletes.</summary>
internal sealed class FakeScratchTables : IScratchTables
{
    private readonly Lock _gate = new();

    public Dictionary<string, ScratchTableState> States { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> Tags { get; } = new(StringComparer.Ordinal);

    public List<string> Deleted { get; } = [];

    /// <summary>Tables whose next delete AWS refuses with LimitExceededException.</summary>
    public HashSet<string> AtTableOperationLimit { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? RestoredPointInTime { get; set; }

    /// <summary>The source size StartRestoreAsync reports (DescribeTable's TableSizeBytes).</summary>
    public long? SourceSizeBytes { get; set; }

    public Task<RestoreRequest> StartRestoreAsync(DynamoDbTarget target, RecoveryPoint point, string scratchName, CancellationToken cancellationToken)
    {
        States[scratchName] = ScratchTableState.Creating;
        return Task.FromResult(new RestoreRequest(Arn(scratchName), RestoredPointInTime, SourceSizeBytes));
    }

    public Task<ScratchTableState> DescribeAsync(string scratchName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(States.GetValueOrDefault(scratchName, ScratchTableState.Missing));
        }
    }

    public Task<bool> TryTagAsync(string tableArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        Tags[tableArn] = new Dictionary<string, string>(tags);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string tableArn, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(Tags.GetValueOrDefault(tableArn) ?? []);
        }
    }

    public Task<IReadOnlyList<ScratchListing>> ListAsync(string scratchPrefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScratchListing>>(States.Keys
            .Where(n => n.StartsWith(scratchPrefix, StringComparison.Ordinal))
            .Select(n => new ScratchListing(n, Arn(n), Tags.GetValueOrDefault(Arn(n)) ?? []))
            .ToList());

    public Task<DeleteOutcome> DeleteAsync(string tableName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (States.GetValueOrDefault(tableName) == ScratchTableState.Creating)
            {
                return Task.FromResult(DeleteOutcome.Busy);
            }

            if (AtTableOperationLimit.Remove(tableName))
            {
                return Task.FromResult(DeleteOutcome.LimitReached);
            }

            Deleted.Add(tableName);
            States.Remove(tableName);
            return Task.FromResult(DeleteOutcome.Deleted);
        }
    }

    public static string Arn(string table) => $"arn:aws:dynamodb:eu-west-1:123456789012:table/{table}";
}
