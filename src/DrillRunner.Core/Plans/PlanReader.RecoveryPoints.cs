using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Plans;

/// <summary>Reading "recoveryInstant", "maxSkewSeconds" and "recoveryPoint": which instant and which point a drill proves.</summary>
public static partial class PlanReader
{
    private const string RecoveryPointFix = "write \"recoveryPoint\": { \"select\": \"latest\" | \"random\" | \"oldest\", \"withinDays\": 35 }.";

    private static (RecoveryInstant Instant, double? MaxSkewSeconds, RecoveryPointRule Point) ReadRecoveryInstant(JsonObjectReader root, IReadOnlyList<DrillTarget> targets, IReadOnlyList<string> targetPaths, IReadOnlyList<SelectionRule> selection)
    {
        var instant = RecoveryInstant.Independent;
        var instantUnreadable = false;
        if (root.String("recoveryInstant", false, "use \"common\" to restore every target to one instant, or leave it out.") is { } text)
        {
            switch (text)
            {
                case "common":
                    instant = RecoveryInstant.Common;
                    break;
                case "independent":
                    break;
                default:
                    instantUnreadable = true;
                    root.Problem(root.At("recoveryInstant"), $"'{text}' is not one of common, independent.", "use \"common\" (every target restored to one instant T) or \"independent\" (each to its own newest point, the default).");
                    break;
            }
        }

        var maxSkew = root.Number("maxSkewSeconds", false, 0, 35 * 86400, "use the most seconds a target may be restored before the common instant T, e.g. 3600 when a table has only hourly snapshots.");
        // An unreadable recoveryInstant has its own problem: this one would tell the user to write what they wrote.
        if (maxSkew is not null && instant != RecoveryInstant.Common && !instantUnreadable)
        {
            root.Problem(root.At("maxSkewSeconds"), "applies only to a drill with one common instant.", "add \"recoveryInstant\": \"common\", or remove maxSkewSeconds.");
        }

        var point = ReadRecoveryPoint(root) ?? RecoveryPointRule.Latest;
        if (instant == RecoveryInstant.Common)
        {
            // T is one choice for the whole application: a target cannot sample a point of its own.
            for (var i = 0; i < targets.Count; i++)
            {
                if (targets[i].RecoveryPoint is not null)
                {
                    root.Problem(
                        $"{targetPaths[i]}.recoveryPoint",
                        $"cannot be chosen per target ('{targets[i].Id}') when the plan's recoveryInstant is \"common\": one instant T is chosen for every target.",
                        "remove it, and set the plan's own \"recoveryPoint\" to choose how T is drawn.");
                }
            }

            for (var i = 0; i < selection.Count; i++)
            {
                using var defaults = System.Text.Json.JsonDocument.Parse(selection[i].DefaultsJson);
                // Where a point comes from (vault) is the target's own; how it is drawn is the plan's.
                if (defaults.RootElement.TryGetProperty("recoveryPoint", out var rulePoint)
                    && (rulePoint.ValueKind != System.Text.Json.JsonValueKind.Object || rulePoint.TryGetProperty("select", out _) || rulePoint.TryGetProperty("withinDays", out _)))
                {
                    root.Problem(
                        $"$.select[{i}].recoveryPoint",
                        $"cannot be given to the targets of rule '{selection[i].Id}' when the plan's recoveryInstant is \"common\": one instant T is chosen for every target.",
                        "remove it from the rule, and set the plan's own \"recoveryPoint\" to choose how T is drawn.");
                }
            }
        }

        return (instant, maxSkew, point);
    }

    /// <summary>"recoveryPoint" of a plan or a native target; null when absent.</summary>
    private static RecoveryPointRule? ReadRecoveryPoint(JsonObjectReader parent) => ReadRecoveryPoint(parent, origin: null).Rule;

    /// <summary>
    /// "recoveryPoint" of an "aws-backup" target or select rule: the rule (null when it gives no "select": the
    /// plan's rule holds), and where the point must come from ("vault", and "copyOf" where <paramref name="origin"/>
    /// allows it). Without an origin, those two fields are unknown here.
    /// </summary>
    private static (RecoveryPointRule? Rule, PointPlace? Place) ReadRecoveryPoint(JsonObjectReader parent, OriginFields? origin)
    {
        var reader = parent.Object("recoveryPoint", false, RecoveryPointFix);
        if (reader is null)
        {
            return (null, null);
        }

        string? vault = null;
        string? copyOf = null;
        if (origin is not null)
        {
            vault = reader.String(PointPlace.VaultField, false, "name the vault the point must come from (e.g. \"copies\"), or give its ARN for a vault another account shares with this one.");
            if (origin.CopyOfAllowed)
            {
                copyOf = reader.String(PointPlace.CopyOfField, false, $"give the ARN of the resource whose copy must be restored, one of: {Kinds.RestoreKinds.SupportedArnForms}.");
            }
        }

        else
        {
            foreach (var field in new[] { PointPlace.VaultField, PointPlace.CopyOfField }.Where(reader.Has))
            {
                reader.TryGet(field, out _);
                reader.Problem(reader.At(field), "says where an AWS Backup recovery point must come from, which only an \"aws-backup\" target's recoveryPoint can.", "drill the copy with a target of \"type\": \"aws-backup\" (its \"resourceArn\", or \"recoveryPoint\": { \"copyOf\": … }), or remove it here.");
            }
        }

        var place = vault is null && copyOf is null ? null : new PointPlace(vault, reader.At(PointPlace.VaultField), copyOf, reader.At(PointPlace.CopyOfField));
        var names = string.Join(", ", PointSelects.Names);

        // A vault or copyOf given (even one refused above) stands for select latest: no "select is required" beside its own problem.
        var text = reader.String("select", place is null && !reader.Has(PointPlace.VaultField) && !reader.Has(PointPlace.CopyOfField), $"set \"select\" to one of {names}.");
        var select = PointSelects.Parse(text);
        if (text is not null && select is null)
        {
            reader.Problem(reader.At("select"), $"'{text}' is not one of {names}.", "use \"latest\" (the newest point, judged against the RPO objective), \"random\" (a seeded draw from the window) or \"oldest\" (the oldest point kept in the window).");
        }

        var within = reader.Whole("withinDays", 1, RecoveryPointRule.MaxWithinDays, $"use 1 to {RecoveryPointRule.MaxWithinDays} days (DynamoDB keeps PITR for at most 35).");
        if (within is not null && text is null && place is not null)
        {
            reader.Problem(reader.At("withinDays"), "needs \"select\" beside it.", "add \"select\": \"latest\" | \"random\" | \"oldest\", or remove withinDays.");
        }

        reader.RejectUnknownFields();
        return (select is { } chosen ? new RecoveryPointRule(chosen, (int?)within) : null, place);
    }

    /// <summary>Which origin fields a "recoveryPoint" may hold: "vault" always, "copyOf" only where it names one target's source.</summary>
    private sealed record OriginFields(bool CopyOfAllowed);

    /// <summary>"recoveryPoint.vault" and "recoveryPoint.copyOf" as written, with their JSON paths for problems.</summary>
    private sealed record PointPlace(string? Vault, string VaultPath, string? CopyOf, string CopyOfPath)
    {
        public const string VaultField = "vault";
        public const string CopyOfField = "copyOf";
    }
}
