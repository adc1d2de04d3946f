namespace DrillRunner.Core.Runs;

/// <summary>A restored database, volume or file system: its status, endpoint and whether it accepted a connection.</summary>
public sealed record ResourceCheck(string Kind, string Identifier, string? Status)
{
    public string? Endpoint { get; init; }

    public bool? Connected { get; init; }

    public string? Note { get; init; }

    /// <summary>Describe answers read so far: the polling loop's attempt.</summary>
    public int Looks { get; init; }
}
