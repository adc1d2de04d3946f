using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Runs;

/// <summary>A scratch resource (a table, or what an AWS Backup restore created) this run asked AWS to create, and what became of it.</summary>
public sealed record ScratchResource(string Name, string? Arn, bool CreatedByRun)
{
    /// <summary>One of <see cref="ScratchKinds"/>; run records from before other kinds existed are tables.</summary>
    public string Kind { get; init; } = ScratchKinds.DynamoDbTable;

    public bool Tagged { get; init; }

    public bool TornDown { get; init; }

    public string? TeardownNote { get; init; }

    /// <summary>The id its describe and delete calls take: the name in its ARN (DB identifier, volume or file system id), else its name.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ResourceId => Kinds.RestoreKinds.Parse(Arn ?? string.Empty)?.Name ?? Name;
}
