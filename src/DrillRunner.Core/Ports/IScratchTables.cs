using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Ports;

/// <summary>Creates scratch tables by restoring, watches them, tags and deletes them.</summary>
public interface IScratchTables
{
    /// <summary>Requests the restore of a recovery point into a new table named <paramref name="scratchName"/>.</summary>
    Task<RestoreRequest> StartRestoreAsync(DynamoDbTarget target, RecoveryPoint point, string scratchName, CancellationToken cancellationToken);

    /// <summary>The scratch table's state as AWS reports it now.</summary>
    Task<ScratchTableState> DescribeAsync(string scratchName, CancellationToken cancellationToken);

    /// <summary>Tags a table; false if AWS cannot tag it yet.</summary>
    Task<bool> TryTagAsync(string tableArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>The table's tags (empty if it has none or does not exist).</summary>
    Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string tableArn, CancellationToken cancellationToken);

    /// <summary>Every table whose name starts with the prefix, with its tags (for the janitor).</summary>
    Task<IReadOnlyList<ScratchListing>> ListAsync(string scratchPrefix, CancellationToken cancellationToken);

    /// <summary>Deletes a table. Callers must have passed the teardown guard.</summary>
    Task<DeleteOutcome> DeleteAsync(string tableName, CancellationToken cancellationToken);
}
