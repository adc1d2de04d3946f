namespace DrillRunner.Core.Runs;

/// <summary>
/// One thing a real recovery would still have to do by hand after this restore.
/// </summary>
/// <param name="Setting">What: "TTL", "stream", "PITR", "auto scaling", "tags", …</param>
/// <param name="Detail">The source's value, as a person would re-enter it: "on expiresAt", "NEW_IMAGE", "2 policies".</param>
/// <param name="Compared">True when the runner saw the source has it and the restored resource does not; false for a step
/// AWS documents for this kind of restore that the runner cannot see (IAM policies, alarms, security groups).</param>
public sealed record GapItem(string Setting, string Detail, bool Compared);

/// <summary>
/// The recovery runbook gap of one target: what the restored resource lacks that its source has, and
/// what AWS says such a restore never carries. It does not fail the drill unless the plan says so
/// (failOnRunbookGap).
/// </summary>
public sealed record RunbookGap(string Source, IReadOnlyList<GapItem> Items, DateTimeOffset CheckedAt)
{
    /// <summary>Why a part of the comparison could not be made (e.g. auto scaling unreadable); null when it was.</summary>
    public string? Incomplete { get; init; }

    /// <summary>"after a restore of orders-prod you must re-enable: TTL on expiresAt, the stream (NEW_IMAGE), PITR, 2 auto-scaling policies, 6 tags; and check: IAM policies and CloudWatch alarms that name the table".</summary>
    public string Sentence()
    {
        var seen = Items.Where(i => i.Compared).Select(Phrase).ToList();
        var check = Items.Where(i => !i.Compared).Select(i => i.Detail).ToList();
        var text = seen.Count > 0
            ? $"after a restore of {Source} you must re-enable: {string.Join(", ", seen)}"
            : $"a restore of {Source} carried every setting the runner compares";
        if (check.Count > 0)
        {
            text += $"; and check: {string.Join("; ", check)}";
        }

        return Incomplete is { } why ? $"{text} ({why})" : text;
    }

    /// <summary>True when the runner saw something the restore lacks (what failOnRunbookGap fails on).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasCompared => Items.Any(i => i.Compared);

    private static string Phrase(GapItem item) => item.Setting switch
    {
        RunbookSettings.Ttl => $"TTL {item.Detail}",
        RunbookSettings.Stream => $"the stream ({item.Detail})",
        RunbookSettings.Pitr => "PITR",
        RunbookSettings.DeletionProtection => "deletion protection",
        _ => item.Detail,
    };
}

/// <summary>The settings the runner compares, by the names run records and reports use.</summary>
public static class RunbookSettings
{
    public const string Ttl = "TTL";
    public const string Stream = "stream";
    public const string Pitr = "PITR";
    public const string DeletionProtection = "deletion protection";
    public const string Tags = "tags";
    public const string AutoScaling = "auto scaling";
    public const string Documented = "documented";
}
