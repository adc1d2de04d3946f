namespace DrillRunner.Core.Kinds;

/// <summary>What the runner checks of a restored resource of a kind, besides the verifier Lambda a plan may name.</summary>
public enum RestoredCheck
{
    /// <summary>Item count against the recovery point or the live source, and a sample compared item by item.</summary>
    TableData,

    /// <summary>Object count and bytes against the source, and sentinel keys.</summary>
    BucketData,

    /// <summary>Available, and its endpoint accepts a TCP connection (if the plan asks).</summary>
    DatabaseEndpoint,

    /// <summary>Available.</summary>
    Availability,
}
