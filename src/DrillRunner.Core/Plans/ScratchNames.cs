namespace DrillRunner.Core.Plans;

/// <summary>How scratch resources are named (safety rule 2): prefix, run id, source name.</summary>
public static class ScratchNames
{
    public const int MaxTableNameLength = 255;

    /// <summary>A run id of the longest form <see cref="Safety.RunIds"/> makes, for length checks.</summary>
    public const string LongestRunId = "20261127-021500-abcd";

    public static string For(string scratchPrefix, string runId, string sourceName) =>
        $"{scratchPrefix}{runId}-{sourceName}";

    /// <summary>
    /// A target's scratch name: tables keep the source table's name after the run id; other
    /// resources take the target id, since bucket and DB names allow only 63 characters.
    /// </summary>
    public static string For(string scratchPrefix, string runId, DrillTarget target) => target switch
    {
        AwsBackupTarget { RestoresTable: false } backup => For(scratchPrefix, runId, backup.Id),
        _ => For(scratchPrefix, runId, target.SourceName),
    };
}
