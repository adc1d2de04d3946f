using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Coverage;

/// <summary>
/// `drill plan suggest --from-coverage`: a draft plan with a target for every resource the latest
/// audit found in no plan (and not left out), with verification a person would start from: counts
/// from the table's item count, a sample, a tolerance against the live source; for databases a TCP
/// connect. A person reviews it, then applies it; nothing here stores or drills anything.
/// </summary>
public static partial class SuggestPlan
{
    /// <summary>DynamoDB refreshes a table's ItemCount about every six hours: the draft's floor leaves 10 % for that and for deletes.</summary>
    public const double MinItemShare = 0.9;

    public const int SampleSize = 25;

    /// <summary>The draft's recovery time objective: a starting point for the team to set.</summary>
    public const int RtoMinutes = 120;

    /// <summary>The draft's recovery point objective: 15 minutes when every target has PITR (or RDS automated backups), a day otherwise.</summary>
    public static int RpoMinutes(IEnumerable<CoverageEntry> targets) =>
        targets.All(t => t.Protections.Any(p => p.Source is Protection.PointInTimeRecovery or Protection.AutomatedBackups)) ? 15 : 1440;

    /// <summary>The resources a draft would drill: judged, and in no plan.</summary>
    public static IReadOnlyList<CoverageEntry> Undrilled(CoverageAudit audit) => [.. audit.Judged.Where(r => r.Plans.Count == 0)];

    public static JsonObject Draft(CoverageAudit audit, string name, string scratchPrefix, IReadOnlyDictionary<string, long?> itemCounts)
    {
        var undrilled = Undrilled(audit);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var targets = new JsonArray();
        foreach (var entry in undrilled)
        {
            var id = UniqueId(entry.Name, ids);
            JsonNode target = entry.Kind == ScratchKinds.DynamoDbTable && !entry.InAwsBackup
                ? TableTarget(id, entry, itemCounts.GetValueOrDefault(entry.Name))
                : BackupTarget(id, entry, audit.Thresholds, itemCounts.GetValueOrDefault(entry.Name));
            targets.Add(target);
        }

        return new JsonObject
        {
            ["$schema"] = "./drill-plan.schema.json",
            ["name"] = name,
            ["objectives"] = new JsonObject { ["rtoMinutes"] = RtoMinutes, ["rpoMinutes"] = RpoMinutes(undrilled) },
            ["scratchPrefix"] = scratchPrefix,
            ["maxConcurrentRestores"] = ConcurrentRestores(undrilled.Count(e => e.Kind == ScratchKinds.DynamoDbTable)),
            ["targets"] = targets,
        };
    }

    /// <summary>Enough concurrent restores that the tables' waves fit the drill's time (4, the plans' default, when that is enough).</summary>
    public static int ConcurrentRestores(int tables) =>
        Math.Clamp((int)Math.Ceiling(tables / Math.Floor(PlanRules.TimeForRestores / DynamoDbCapacity.MinimumRestore)), 4, DynamoDbCapacity.ConcurrentRestores);

    private static JsonObject TableTarget(string id, CoverageEntry entry, long? items) => new()
    {
        ["id"] = id,
        ["type"] = DynamoDbTarget.TypeName,
        ["tableName"] = entry.Name,
        ["restoreFrom"] = "auto",
        ["verification"] = TableVerification(items),
    };

    private static JsonObject BackupTarget(string id, CoverageEntry entry, CoverageThresholds thresholds, long? items)
    {
        var target = new JsonObject
        {
            ["id"] = id,
            ["type"] = AwsBackupTarget.TypeName,
            ["resourceArn"] = entry.Arn,
            ["maxRecoveryPointAgeHours"] = Math.Ceiling(thresholds.BackupStaleAfter.TotalHours),
        };
        var verification = RestoreKinds.OfScratchKind(entry.Kind)?.Check switch
        {
            RestoredCheck.TableData => TableVerification(items),
            RestoredCheck.BucketData => new JsonObject { ["tolerancePercentOfSource"] = 1 },
            RestoredCheck.DatabaseEndpoint => new JsonObject { ["tcpConnect"] = true },
            _ => null,
        };
        if (verification is not null)
        {
            target["verification"] = verification;
        }

        return target;
    }

    private static JsonObject TableVerification(long? items)
    {
        var verification = new JsonObject { ["tolerancePercentOfSource"] = 1, ["sampleSize"] = SampleSize };
        if (items is > 0)
        {
            verification["minItemCount"] = (long)Math.Floor(items.Value * MinItemShare);
        }

        return verification;
    }

    /// <summary>A target id from the resource's name: letters, digits, '-' and '_', at most 40, unique in the plan.</summary>
    private static string UniqueId(string name, HashSet<string> taken)
    {
        var id = NotAllowed().Replace(name, "-").Trim('-');
        id = id.Length == 0 ? "target" : id[..Math.Min(id.Length, 36)];
        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NotAllowed();
}
