namespace DrillRunner.Core.Ports;

/// <summary>Reads the tags of and deletes scratch buckets; lists them for the janitor.</summary>
public interface IScratchBuckets
{
    /// <summary>The bucket's tags (empty if it has none or does not exist).</summary>
    Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Every bucket whose name starts with the prefix, with its tags.</summary>
    Task<IReadOnlyList<ScratchListing>> ListAsync(string scratchPrefix, CancellationToken cancellationToken);

    /// <summary>Empties (every object version) and deletes the bucket. Callers must have passed the teardown guard.</summary>
    Task<DeleteOutcome> DeleteAsync(string bucket, CancellationToken cancellationToken);
}
