using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Selection;

/// <summary>
/// Resolves a plan's "select" rules against the account as it is now: lists each kind once (every
/// page), reads tags only where a rule needs them, leaves out scratch resources, the runner's own
/// tables and coverage.exclude, lets an explicit target override a selected one, and writes the
/// selected targets into a copy of the plan that every later step of the run reads. Only reads.
/// </summary>
public sealed class ResolveSelection(ISelectableResources resources)
{
    /// <summary>A reason stays readable (and small in the run record) when hundreds of selected targets break one rule.</summary>
    private const int MaxProblemsShown = 5;

    public async Task<SelectionOutcome> ExecuteAsync(string planJson, DrillPlan plan, SelectionScope scope, CancellationToken cancellationToken)
    {
        var listings = new Dictionary<RestoreKind, IReadOnlyList<string>>();
        var described = new Dictionary<(RestoreKind, string), SelectableResource?>();
        var explicitTargets = plan.Targets.ToDictionary(t => (KindOf(t), t.SourceName), t => t.Id);
        var ids = new SelectedTargetIds(plan.Targets.Select(t => t.Id));
        var takenBy = new Dictionary<(RestoreKind, string), string>();
        var selected = new List<SelectedTarget>();
        var leftOut = new List<LeftOutResource>();
        var written = new List<JsonObject>();
        var empty = new List<string>();

        foreach (var rule in plan.Selection)
        {
            if (!listings.TryGetValue(rule.Kind, out var names))
            {
                names = (await resources.ListNamesAsync(rule.Kind, cancellationToken)).Order(StringComparer.Ordinal).ToList();
                listings[rule.Kind] = names;
            }

            var drilled = 0;
            foreach (var name in names)
            {
                if (rule.NamePattern is { } pattern && !pattern.Matches(name))
                {
                    continue;
                }

                SelectableResource? resource = null;
                if (rule.Tags.Count > 0 || NeedsArn(rule))
                {
                    if (!described.TryGetValue((rule.Kind, name), out resource))
                    {
                        resource = await resources.DescribeAsync(rule.Kind, name, cancellationToken);
                        described[(rule.Kind, name)] = resource;
                    }

                    if (resource is null)
                    {
                        leftOut.Add(new LeftOutResource(rule.Id, name, LeftOutReasons.Gone, "deleted between the listing and the look at its tags"));
                        continue;
                    }

                    if (!rule.Tags.All(t => t.IsMetBy(resource.Tags)))
                    {
                        continue;
                    }
                }

                if (LeftOutBecause(plan, scope, rule, name, resource) is { } because)
                {
                    leftOut.Add(new LeftOutResource(rule.Id, name, because.Reason, because.Detail));
                    continue;
                }

                drilled++;
                if (explicitTargets.TryGetValue((rule.Kind, name), out var explicitId))
                {
                    leftOut.Add(new LeftOutResource(rule.Id, name, LeftOutReasons.ExplicitTarget, $"drilled as explicit target '{explicitId}' with its own settings"));
                    continue;
                }

                if (takenBy.TryGetValue((rule.Kind, name), out var earlier))
                {
                    leftOut.Add(new LeftOutResource(rule.Id, name, LeftOutReasons.EarlierRule, $"selected by rule '{earlier}'"));
                    continue;
                }

                takenBy[(rule.Kind, name)] = rule.Id;
                var (id, renamed) = ids.For(name);
                selected.Add(new SelectedTarget(rule.Id, name, id, renamed));
                written.Add(TargetJson(rule, id, name, resource));
            }

            if (drilled == 0)
            {
                var excluded = leftOut.Count(l => l.RuleId == rule.Id);
                empty.Add($"rule '{rule.Id}' ({rule.Describe()}) matched no resource to drill" + (excluded > 0 ? $" ({excluded} matched but left out: {string.Join(", ", leftOut.Where(l => l.RuleId == rule.Id).Take(5).Select(l => $"{l.Resource} ({l.Reason})"))})" : string.Empty));
            }
        }

        var resolvedJson = Materialise(planJson, written);
        var resolved = PlanReader.Read(resolvedJson, scope.RunnerTables.FirstOrDefault(), scope.Stack);
        var selection = new RunSelection(selected, leftOut)
        {
            Rules = plan.Selection.Select(r => $"{r.Id}: {r.Describe()}").ToList(),
            ResolvedTargetIds = plan.Targets.Select(t => t.Id).Concat(selected.Select(s => s.TargetId)).ToList(),
        };

        if (empty.Count > 0)
        {
            return new SelectionOutcome(selection, resolvedJson, null, $"the selection found nothing for {string.Join("; ", empty)}: a drill of nothing proves nothing. Fix: correct the rule's tags or name pattern, tag the resources, or remove the rule");
        }

        if (!resolved.IsValid)
        {
            return new SelectionOutcome(selection, resolvedJson, null, Explain(plan, selected, resolved.Problems));
        }

        return new SelectionOutcome(selection, resolvedJson, resolved.Plan, null);
    }

    /// <summary>The kind a target restores: the resource it names, as a rule would list it.</summary>
    private static RestoreKind KindOf(DrillTarget target) => target is AwsBackupTarget backup ? backup.Kind : RestoreKinds.DynamoDbTable;

    /// <summary>An aws-backup target names its resource by ARN; a bucket's ARN is its name, a table's needs a look.</summary>
    private static bool NeedsArn(SelectionRule rule) => rule.Type == AwsBackupTarget.TypeName && !rule.Kind.GlobalArn;

    private static (string Reason, string Detail)? LeftOutBecause(DrillPlan plan, SelectionScope scope, SelectionRule rule, string name, SelectableResource? resource)
    {
        if (name.StartsWith(plan.ScratchPrefix, StringComparison.Ordinal))
        {
            return (LeftOutReasons.Scratch, $"its name starts with the scratch prefix '{plan.ScratchPrefix}'");
        }

        if (rule.Kind == RestoreKinds.DynamoDbTable && scope.RunnerTables.Contains(name))
        {
            return (LeftOutReasons.Runner, "the runner's own runs table");
        }

        var arn = resource?.Arn ?? (rule.Kind.GlobalArn ? rule.Kind.ArnOf(string.Empty, string.Empty, name) : name);
        return plan.CoverageExclusions.FirstOrDefault(e => e.Matches(arn, name)) is { } exclusion
            ? (LeftOutReasons.CoverageExclude, $"coverage.exclude: {exclusion.Reason}")
            : null;
    }

    /// <summary>The rule's defaults with the resource's id, type and name or ARN: read back by the plan reader like any target.</summary>
    private static JsonObject TargetJson(SelectionRule rule, string id, string name, SelectableResource? resource)
    {
        var target = new JsonObject
        {
            ["id"] = id,
            ["type"] = rule.Type,
        };
        if (rule.Type == AwsBackupTarget.TypeName)
        {
            target["resourceArn"] = resource?.Arn ?? rule.Kind.ArnOf(string.Empty, string.Empty, name);
        }
        else
        {
            target["tableName"] = name;
        }

        foreach (var (field, value) in JsonNode.Parse(rule.DefaultsJson)!.AsObject())
        {
            target[field] = value?.DeepClone();
        }

        return target;
    }

    /// <summary>The stored plan with its rules replaced by the targets they selected, after the explicit ones.</summary>
    private static string Materialise(string planJson, List<JsonObject> selected)
    {
        var root = JsonNode.Parse(planJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        root.Remove("select");
        if (root["targets"] is not JsonArray targets)
        {
            targets = [];
            root["targets"] = targets;
        }

        foreach (var target in selected)
        {
            targets.Add((JsonNode)target);
        }

        return root.ToJsonString();
    }

    /// <summary>The resolved plan breaks a rule (the limits above all): say which rules made it so, and what to do.</summary>
    private static string Explain(DrillPlan plan, List<SelectedTarget> selected, IReadOnlyList<PlanProblem> problems)
    {
        var byRule = string.Join(", ", selected.GroupBy(s => s.RuleId).Select(g => $"rule '{g.Key}' selected {g.Count()}"));
        var explicitCount = plan.Targets.Count;
        var described = problems.Take(MaxProblemsShown).Select(p => Describe(p, explicitCount, selected)).ToList();
        if (problems.Count > MaxProblemsShown)
        {
            described.Add($"and {problems.Count - MaxProblemsShown} more");
        }

        return $"the selection gives {explicitCount + selected.Count} target(s) ({explicitCount} explicit; {byRule}) and the resolved plan is refused: {string.Join(" | ", described)}";
    }

    private static string Describe(PlanProblem problem, int explicitCount, List<SelectedTarget> selected)
    {
        var text = problem.ToString();
        var marker = "$.targets[";
        var at = problem.Path.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && int.TryParse(problem.Path.AsSpan(at + marker.Length, problem.Path.IndexOf(']', at) - at - marker.Length), out var index) && index >= explicitCount && index - explicitCount < selected.Count)
        {
            var s = selected[index - explicitCount];
            return $"{text} (target '{s.TargetId}', resource {s.Resource}, selected by rule '{s.RuleId}')";
        }

        return text;
    }
}
