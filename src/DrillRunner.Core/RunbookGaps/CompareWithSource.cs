using System.Text.Json;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.RunbookGaps;

/// <summary>
/// The comparisons behind a runbook gap. DynamoDB documents that a restored table comes without its
/// auto scaling policies, IAM policies, CloudWatch metrics and alarms, tags, stream, TTL and PITR
/// settings (RestoreTableToPointInTime, RestoreTableFromBackup): the runner compares those it can
/// read and lists the rest to check.
/// </summary>
public static class CompareWithSource
{
    /// <summary>Tags the runner puts on scratch resources and AWS puts on everything: not the source's own.</summary>
    public static bool IsOwnTag(string key) => key.StartsWith("drill:", StringComparison.Ordinal) || key.StartsWith("aws:", StringComparison.Ordinal);

    public static IReadOnlyList<GapItem> Tables(TableRecoverySettings source, TableRecoverySettings restored)
    {
        var items = new List<GapItem>();
        if (source.TtlAttribute is { } ttl && restored.TtlAttribute != ttl)
        {
            items.Add(new GapItem(RunbookSettings.Ttl, $"on {ttl}", true));
        }

        if (source.StreamViewType is { } stream && restored.StreamViewType != stream)
        {
            items.Add(new GapItem(RunbookSettings.Stream, stream, true));
        }

        if (source.PitrEnabled && !restored.PitrEnabled)
        {
            items.Add(new GapItem(RunbookSettings.Pitr, "point-in-time recovery", true));
        }

        if (source.DeletionProtection && !restored.DeletionProtection)
        {
            items.Add(new GapItem(RunbookSettings.DeletionProtection, "deletion protection", true));
        }

        var missingTags = source.Tags.Where(t => !IsOwnTag(t.Key) && (!restored.Tags.TryGetValue(t.Key, out var value) || value != t.Value)).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        if (missingTags.Count > 0)
        {
            items.Add(new GapItem(RunbookSettings.Tags, $"{missingTags.Count} tag{(missingTags.Count == 1 ? string.Empty : "s")} ({string.Join(", ", missingTags)})", true));
        }

        return items;
    }

    /// <summary>The source's auto scaling policies, from Application Auto Scaling's DescribeScalingPolicies answer (a restore has none).</summary>
    public static GapItem? Scaling(JsonElement answer)
    {
        var names = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("ScalingPolicies", out var policies) && policies.ValueKind == JsonValueKind.Array
            ? policies.EnumerateArray().Select(p => p.TryGetProperty("PolicyName", out var name) ? name.GetString() : null).OfType<string>().ToList()
            : [];
        return names.Count == 0
            ? null
            : new GapItem(RunbookSettings.AutoScaling, $"{names.Count} auto-scaling polic{(names.Count == 1 ? "y" : "ies")} ({string.Join(", ", names)})", true);
    }

    /// <summary>What AWS documents a restore of this kind never carries, which the runner cannot see: to check by hand.</summary>
    public static IReadOnlyList<GapItem> Documented(RestoreKind kind) =>
        [.. kind.RecoveryChecklist.Select(step => new GapItem(RunbookSettings.Documented, step, false))];
}
