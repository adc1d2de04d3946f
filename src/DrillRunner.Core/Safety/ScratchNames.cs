namespace DrillRunner.Core.Safety;

/// <summary>How scratch resources are named (safety rule 2): prefix, run id, source name.</summary>
public static class ScratchNames
{
    public const int MaxTableNameLength = 255;

    /// <summary>A run id of the longest form <see cref="RunIds"/> makes, for length checks.</summary>
    public const string LongestRunId = "20261127-021500-abcd";

    public static string For(string scratchPrefix, string runId, string sourceName) =>
        $"{scratchPrefix}{runId}-{sourceName}";
}
