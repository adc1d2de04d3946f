using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Plans;

/// <summary>The rules on a plan's relations: distinct ids, targets that exist and restore something a relation can read.</summary>
public static class RelationRules
{
    /// <param name="targetsChosenAtDrill">
    /// The plan selects targets when the drill begins (their ids are their resource names), so a relation may
    /// name a target that is not listed: <see cref="CheckTargets"/> is then called with the selected ids instead.
    /// </param>
    public static void Check(DrillPlan plan, List<PlanProblem> problems, bool targetsChosenAtDrill = false)
    {
        if (plan.Relations.Count > RelationDefaults.MaxRelations)
        {
            problems.Add(new PlanProblem("$.relations", $"has {plan.Relations.Count} relations; a plan checks at most {RelationDefaults.MaxRelations} (all in one Lambda invocation).", "keep the relations that matter most, or split the plan."));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Relations.Count; i++)
        {
            var relation = plan.Relations[i];
            if (!seen.TryAdd(relation.Id, i))
            {
                problems.Add(new PlanProblem($"$.relations[{i}].id", $"'{relation.Id}' is also the id of relations[{seen[relation.Id]}].", "give every relation a distinct id."));
            }

            CheckKinds(plan, relation, i, problems);
        }

        if (!targetsChosenAtDrill)
        {
            problems.AddRange(CheckTargets(plan, plan.Targets.Select(t => t.Id).ToList()));
        }
    }

    /// <summary>
    /// Every target a relation names must be among <paramref name="targetIds"/>: the plan's listed targets at
    /// validation, or (for a plan that selects targets when the drill begins) the ids the selection found.
    /// </summary>
    public static IReadOnlyList<PlanProblem> CheckTargets(DrillPlan plan, IReadOnlyCollection<string> targetIds)
    {
        var problems = new List<PlanProblem>();
        var known = targetIds.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < plan.Relations.Count; i++)
        {
            foreach (var (targetId, field) in plan.Relations[i].NamedTargets)
            {
                if (!known.Contains(targetId))
                {
                    problems.Add(new PlanProblem(
                        $"$.relations[{i}].{field}",
                        $"'{Printable.Of(targetId)}' is not a target of this drill.",
                        $"name a target by its id: {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
                }
            }
        }

        return problems;
    }

    /// <summary>What a relation reads must be restorable as such: a table to sample, a table or bucket to look in, counts to compare.</summary>
    private static void CheckKinds(DrillPlan plan, Relation relation, int index, List<PlanProblem> problems)
    {
        var path = $"$.relations[{index}]";
        switch (relation)
        {
            case ReferenceRelation reference:
                if (Listed(plan, reference.FromTarget) is { } from && !RestoresTable(from))
                {
                    problems.Add(new PlanProblem($"{path}.from.target", $"'{from.Id}' restores {Describe(from)}, not a DynamoDB table whose items could hold references.", "name a target that restores a DynamoDB table."));
                }

                if (Listed(plan, reference.ToTarget) is { } to)
                {
                    if (reference.ToObjectKey && !RestoresBucket(to))
                    {
                        problems.Add(new PlanProblem($"{path}.to.objectKey", $"'{to.Id}' restores {Describe(to)}, not an S3 bucket.", "use \"key\" for a table, or name a target that restores an S3 bucket."));
                    }
                    else if (!reference.ToObjectKey && !RestoresTable(to))
                    {
                        problems.Add(new PlanProblem($"{path}.to.key", $"'{to.Id}' restores {Describe(to)}, not a DynamoDB table.", RestoresBucket(to) ? "write \"objectKey\": true to look for objects in the restored bucket." : "name a target that restores a DynamoDB table."));
                    }
                    else if (!reference.ToObjectKey && SentinelKeyNames(to) is { Count: > 0 } keyNames && !keyNames.Contains(reference.ToKey!))
                    {
                        problems.Add(new PlanProblem($"{path}.to.key", $"'{reference.ToKey}' is not a key attribute of '{to.Id}': its sentinel keys name {string.Join(", ", keyNames.Order(StringComparer.Ordinal))}.", $"use the table's partition key, e.g. \"key\": \"{keyNames.Order(StringComparer.Ordinal).First()}\"."));
                    }
                }

                break;
            case CountRatioRelation ratio:
                if (ratio.Target == ratio.Per)
                {
                    problems.Add(new PlanProblem($"{path}.countRatio.per", $"is the same target as countRatio.target ('{ratio.Per}'), so the ratio is always 1.", "name two different targets."));
                }

                foreach (var (targetId, field) in ratio.NamedTargets)
                {
                    if (Listed(plan, targetId) is { } counted && !RestoresTable(counted) && !RestoresBucket(counted))
                    {
                        problems.Add(new PlanProblem($"{path}.{field}", $"'{counted.Id}' restores {Describe(counted)}, which verification does not count.", "name targets that restore DynamoDB tables or S3 buckets (their counts come from verification)."));
                    }
                }

                break;
        }
    }

    private static DrillTarget? Listed(DrillPlan plan, string targetId) => plan.Targets.FirstOrDefault(t => t.Id == targetId);

    public static bool RestoresTable(DrillTarget target) => target is DynamoDbTarget or AwsBackupTarget { RestoresTable: true };

    public static bool RestoresBucket(DrillTarget target) => target is AwsBackupTarget backup && backup.Kind == RestoreKinds.S3Bucket;

    private static string Describe(DrillTarget target) => target is AwsBackupTarget backup ? $"an {backup.Kind.AwsBackupName} resource" : "a DynamoDB table";

    private static HashSet<string> SentinelKeyNames(DrillTarget target)
    {
        var verification = target switch
        {
            DynamoDbTarget table => table.Verification,
            AwsBackupTarget backup => backup.Table,
            _ => null,
        };
        return verification?.SentinelKeys.SelectMany(k => k.Keys).ToHashSet(StringComparer.Ordinal) ?? [];
    }
}
