using System.Text.RegularExpressions;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.Plans;

/// <summary>Rules that involve more than one field: the safety rules on scratch names among them.</summary>
public static partial class PlanRules
{
    /// <summary>Teardown finds a run's restored resources in one GetResources page.</summary>
    public const int MaxBackupTargets = TeardownGuard.TaggedResourcesPerPage;

    /// <summary>
    /// The most targets a plan may drill. Measured locally so far up to this many (the run's items
    /// stay small: the plan is stored compressed beside the header); more would be a drill of over
    /// ten waves at DynamoDB's 50 concurrent restores, which few estates can fit in the time limit.
    /// </summary>
    public const int MaxTargets = 500;

    /// <summary>The time a drill has before its own deadline (the rest is kept for teardown).</summary>
    public static TimeSpan TimeForRestores => DrillDeadline.DefaultTimeLimit * (1 - DrillDeadline.TeardownShare);

    /// <summary>The DynamoDB tables a plan restores, and in how many waves of maxConcurrentRestores.</summary>
    public static (int Tables, int Waves) RestoreWaves(DrillPlan plan)
    {
        var tables = plan.Targets.Count(t => t is DynamoDbTarget or AwsBackupTarget { RestoresTable: true });
        var perWave = Math.Max(1, plan.MaxConcurrentRestores);
        return (tables, (tables + perWave - 1) / perWave);
    }

    public static void Check(DrillPlan plan, List<PlanProblem> problems, string? runsTable = null, ArnScope? stack = null)
    {
        CheckScratchPrefix(plan, problems);
        if (runsTable is not null && plan.ScratchPrefix.Length > 0 && runsTable.StartsWith(plan.ScratchPrefix, StringComparison.Ordinal))
        {
            problems.Add(new PlanProblem(
                "$.scratchPrefix",
                $"'{plan.ScratchPrefix}' is the start of the runner's own runs table '{runsTable}', so the runner's system of record would look like a scratch table.",
                "choose a scratch prefix that neither the sources nor the stack's own resources start with (or deploy the stack under a name that does not start with it)."));
        }

        CheckTargets(plan, problems);
        CheckArnScopes(plan, problems, stack);
        CheckHealthChecks(plan, problems);
        RelationRules.Check(plan, problems, targetsChosenAtDrill: plan.Selection.Count > 0);
    }

    /// <summary>A drill runs in one partition, region and account: every resource ARN must say the same.</summary>
    private static void CheckArnScopes(DrillPlan plan, List<PlanProblem> problems, ArnScope? stack)
    {
        (ArnScope Scope, int Index)? first = null;
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            if (plan.Targets[i] is not AwsBackupTarget backup || ArnScope.Of(backup.ResourceArn) is not { } scope)
            {
                continue;
            }

            // A copy restores in the stack's own account and region, whatever account or region its source is in;
            // only the vault it is listed from must be in the stack's region (AWS Backup lists vaults per region).
            if (!backup.SourceReachable)
            {
                if (stack is not null && backup.Origin?.VaultArn is { } vaultArn && ArnScope.Of(vaultArn) is { } vaultScope && vaultScope.Region != stack.Region && stack.Region.Length > 0)
                {
                    problems.Add(new PlanProblem(
                        $"$.targets[{i}].recoveryPoint.vault",
                        $"is in region '{vaultScope.Region}', not '{stack.Region}' where the runner runs; a stack lists only its own region's vaults.",
                        "drill it from a DrillRunner stack deployed in that region, or name the copy vault in this region."));
                }

                continue;
            }

            if (!backup.Kind.GlobalArn && !scope.IsComplete)
            {
                problems.Add(new PlanProblem($"$.targets[{i}].resourceArn", "names no region or no 12-digit account.", $"copy the resource's full ARN, e.g. {RestoreKinds.SupportedArnForms}."));
                continue;
            }

            if (stack is not null && scope.Disagreement(stack) is { } elsewhere)
            {
                problems.Add(new PlanProblem(
                    $"$.targets[{i}].resourceArn",
                    $"is in {elsewhere} where the runner runs; a drill restores only in its own stack's account and region.",
                    "drill it from a DrillRunner stack deployed in that account and region."));
                continue;
            }

            if (first is null)
            {
                first = (scope, i);
            }
            else if (scope.Disagreement(first.Value.Scope) is { } difference)
            {
                problems.Add(new PlanProblem(
                    $"$.targets[{i}].resourceArn",
                    $"is in {difference} of targets[{first.Value.Index}]; a drill runs in one account and region.",
                    "drill each account and region with its own stack and plan."));
            }
        }
    }

    private static void CheckScratchPrefix(DrillPlan plan, List<PlanProblem> problems)
    {
        var prefix = plan.ScratchPrefix;
        if (prefix.Length == 0)
        {
            return; // Already reported as missing.
        }

        if (!ScratchPrefixPattern().IsMatch(prefix))
        {
            problems.Add(new PlanProblem(
                "$.scratchPrefix",
                $"'{prefix}' is ambiguous: a scratch prefix must be 3–40 characters of a-z A-Z 0-9 _ . - and end with '-', '_' or '.'.",
                "use a prefix that cannot be the start of an ordinary table name, e.g. \"drill-\" or \"dr-scratch_\"."));
        }

        for (var i = 0; i < plan.Targets.Count; i++)
        {
            if (plan.Targets[i].SourceName.StartsWith(prefix, StringComparison.Ordinal))
            {
                problems.Add(new PlanProblem(
                    $"$.targets[{i}].{SourceField(plan.Targets[i])}",
                    $"source '{plan.Targets[i].SourceName}' starts with the scratch prefix '{prefix}', so a scratch resource could be mistaken for it (and teardown could delete it).",
                    "choose a scratch prefix that no source table or resource starts with."));
            }
        }
    }

    private static void CheckTargets(DrillPlan plan, List<PlanProblem> problems)
    {
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenSources = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            var target = plan.Targets[i];
            if (!seenIds.TryAdd(target.Id, i))
            {
                problems.Add(new PlanProblem($"$.targets[{i}].id", $"'{target.Id}' is also the id of targets[{seenIds[target.Id]}].", "give every target a distinct id."));
            }

            var source = target is AwsBackupTarget { RestoresTable: false } ? ((AwsBackupTarget)target).ResourceArn : target.SourceName;
            if (!seenSources.TryAdd(source, i))
            {
                problems.Add(new PlanProblem($"$.targets[{i}].{SourceField(target)}", $"'{source}' is also drilled by targets[{seenSources[source]}]; both would restore the same resource.", "list each resource once."));
            }

            var longest = ScratchNames.For(plan.ScratchPrefix, ScratchNames.LongestRunId, target);
            if (target is DynamoDbTarget && longest.Length > ScratchNames.MaxTableNameLength)
            {
                problems.Add(new PlanProblem($"$.targets[{i}].tableName", $"the scratch table name would be {longest.Length} characters, over DynamoDB's {ScratchNames.MaxTableNameLength}.", "shorten the scratch prefix."));
            }

            if (target is AwsBackupTarget backup && plan.ScratchPrefix.Length > 0 && backup.Kind.NameProblem(longest) is { } nameProblem)
            {
                var field = backup.RestoresTable ? "resourceArn" : "id";
                problems.Add(new PlanProblem(
                    $"$.targets[{i}].{field}",
                    $"the scratch {backup.Kind.AwsBackupName} name would be '{longest}', which {nameProblem}.",
                    backup.Kind.NameFix));
            }
        }

        // DynamoDB restores take at least 20 minutes each, and run in waves of maxConcurrentRestores: a
        // plan whose waves cannot fit before the drill's own deadline would fail mid-drill, so refuse it now.
        var (tables, waves) = RestoreWaves(plan);
        var available = TimeForRestores;
        if (waves * DynamoDbCapacity.MinimumRestore > available)
        {
            var fits = (int)(available / DynamoDbCapacity.MinimumRestore) * plan.MaxConcurrentRestores;
            problems.Add(new PlanProblem(
                "$.maxConcurrentRestores",
                $"restores {tables} DynamoDB tables {plan.MaxConcurrentRestores} at a time: {waves} waves of at least {DynamoDbCapacity.MinimumRestore.TotalMinutes:0} minutes each (AWS's floor for a restore) cannot finish within the drill's {available.TotalHours:0.#} hours.",
                $"raise maxConcurrentRestores (DynamoDB allows {DynamoDbCapacity.ConcurrentRestores} at once per account) or split the plan: at {plan.MaxConcurrentRestores} at a time, at most {fits} tables fit."));
        }

        if (plan.Targets.Count > MaxTargets)
        {
            problems.Add(new PlanProblem("$.targets", $"has {plan.Targets.Count} targets; a plan drills at most {MaxTargets}.", $"split the estate into plans of at most {MaxTargets} targets (e.g. by service), each with its own schedule."));
        }

        if (plan.Targets.Count(t => t is AwsBackupTarget) > MaxBackupTargets)
        {
            problems.Add(new PlanProblem("$.targets", $"has {plan.Targets.Count(t => t is AwsBackupTarget)} aws-backup targets; teardown reads the run's tagged resources in one GetResources page of {MaxBackupTargets}.", $"split the plan into plans of at most {MaxBackupTargets} aws-backup targets."));
        }

        if (plan.Targets.Count == 0 && plan.Selection.Count == 0 && problems.All(p => !p.Path.StartsWith("$.targets", StringComparison.Ordinal) && !p.Path.StartsWith("$.select", StringComparison.Ordinal)))
        {
            problems.Add(new PlanProblem("$.targets", "is empty and the plan has no \"select\" rules: a drill of nothing proves nothing.", "list at least one target under \"targets\", or add a rule under \"select\"."));
        }

        CheckSelectionRules(plan, problems);
    }

    /// <summary>Rule ids are distinct, and a rule may not select what could be a scratch resource.</summary>
    private static void CheckSelectionRules(DrillPlan plan, List<PlanProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Selection.Count; i++)
        {
            var rule = plan.Selection[i];
            if (!seen.TryAdd(rule.Id, i))
            {
                problems.Add(new PlanProblem($"$.select[{i}].id", $"'{rule.Id}' is also the id of select[{seen[rule.Id]}].", "give every rule a distinct id."));
            }

            if (rule.NamePattern is { } pattern && plan.ScratchPrefix.Length > 0 && !pattern.Pattern.StartsWith('*') && !pattern.Pattern.StartsWith('?')
                && pattern.Pattern.StartsWith(plan.ScratchPrefix, StringComparison.Ordinal))
            {
                problems.Add(new PlanProblem(
                    $"$.select[{i}].namePattern",
                    $"'{pattern}' starts with the scratch prefix '{plan.ScratchPrefix}': it could only match scratch resources, which selection always leaves out.",
                    "match the sources' names, or choose a scratch prefix no source starts with."));
            }
        }
    }

    private static string SourceField(DrillTarget target) => target is DynamoDbTarget ? "tableName" : "resourceArn";

    private static void CheckHealthChecks(DrillPlan plan, List<PlanProblem> problems)
    {
        if (plan.Selection.Count > 0)
        {
            return; // A placeholder may name a selected target: checked when the drill begins, on the resolved plan.
        }

        var ids = plan.Targets.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < plan.HealthChecks.Count; i++)
        {
            foreach (Match match in PlaceholderPattern().Matches(plan.HealthChecks[i].UrlTemplate))
            {
                var id = match.Groups["id"].Value;
                if (!match.Groups["ok"].Success || !ids.Contains(id))
                {
                    problems.Add(new PlanProblem(
                        $"$.healthChecks[{i}].url",
                        $"placeholder '{match.Value}' does not name a target.",
                        $"use {{{{restored.ID}}}} with one of: {string.Join(", ", ids.Order(StringComparer.Ordinal))}."));
                }
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{2,39}[-_.]$")]
    private static partial Regex ScratchPrefixPattern();

    [GeneratedRegex(@"\{\{\s*(?<ok>restored\.)?(?<id>[^}]*)\}\}")]
    private static partial Regex PlaceholderPattern();
}
