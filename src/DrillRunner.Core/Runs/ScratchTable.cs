namespace DrillRunner.Core.Runs;

/// <summary>A scratch table this run asked AWS to create, and what became of it.</summary>
public sealed record ScratchTable(string Name, string? Arn, bool CreatedByRun)
{
    public bool Tagged { get; init; }

    public bool TornDown { get; init; }

    public string? TeardownNote { get; init; }
}
