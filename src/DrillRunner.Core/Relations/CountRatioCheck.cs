using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Relations;

/// <summary>A count ratio, from the counts verification already made (tables' items, buckets' objects): no new scan.</summary>
public static class CountRatioCheck
{
    public static RelationResult Run(CountRatioRelation ratio, TargetRun target, TargetRun per)
    {
        var description = RelationText.Describe(ratio);
        var (count, unit) = VerifiedCount(target);
        var (perCount, perUnit) = VerifiedCount(per);
        if (count is null || perCount is null)
        {
            var uncounted = count is null ? target.TargetId : per.TargetId;
            return new RelationResult(ratio.Id, description, Checked: false, Passed: false, $"verification recorded no count for '{uncounted}'");
        }

        var passed = count >= ratio.AtLeast * perCount;
        var each = perCount == 0 ? null : $": {RelationText.Number((double)count.Value / perCount.Value)} per {per.TargetId} {perUnit[..^1]}";
        var why = passed
            ? $"{ratio.Target} has {RelationText.Count(count.Value)} {unit} for {RelationText.Count(perCount.Value)} {per.TargetId} {perUnit}{each}, at least the {RelationText.Number(ratio.AtLeast)} the plan requires"
            : $"{ratio.Target} has {RelationText.Count(count.Value)} {unit} for {RelationText.Count(perCount.Value)} {per.TargetId} {perUnit}{each}, fewer than the {RelationText.Number(ratio.AtLeast)} the plan requires";
        return new RelationResult(ratio.Id, description, Checked: true, passed, why) { Count = count, PerCount = perCount };
    }

    private static (long? Count, string Unit) VerifiedCount(TargetRun target) =>
        target.Bucket is { } bucket ? (bucket.Restored.Done ? bucket.Restored.Objects : null, "objects") : (target.Verification?.ItemCount, "items");
}
