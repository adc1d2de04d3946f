using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;

namespace DrillRunner.Core.Coverage;

/// <summary>What the judge is told about the runner itself, so it leaves its own and its scratch resources out.</summary>
/// <param name="RunsTable">The runs table: DrillRunner's own.</param>
/// <param name="ScratchPrefix">The deployed scratch prefix (each plan's own is added).</param>
public sealed record RunnerResources(string RunsTable, string ScratchPrefix);

/// <summary>
/// Merges the audit's pages into one entry per resource, finds each plan that drills it and its last
/// drills, and judges: NOT_PROTECTED, BACKUP_STALE, NOT_DRILLED, DRILL_STALE, DRILL_FAILING, and
/// whether it would survive its stack's deletion, its account's and its region's loss
/// (<see cref="JudgeSurvival"/>). Reads the runs table only; writes the one audit record.
/// </summary>
public sealed class JudgeCoverage(IPlanStore plans, IRunStore runs, ICoverageStore store, TimeProvider time)
{
    public async Task<CoverageAudit> ExecuteAsync(string auditId, AuditScope scope, DateTimeOffset startedAt, CoverageThresholds thresholds, RunnerResources runner, CancellationToken cancellationToken, string? requestId = null)
    {
        var observations = await store.ReadPagesAsync(auditId, cancellationToken);
        var now = time.GetUtcNow();
        var drills = await DrillsAsync(scope, cancellationToken);
        var prefixes = drills.Plans.Select(p => p.ScratchPrefix).Append(runner.ScratchPrefix).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        // One observation per vault of the audited account, keyed by the vault's ARN (its Kind is null, so it is no resource).
        var vaults = observations.Select(o => o.Vault).OfType<VaultSeen>().GroupBy(v => v.Arn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entries = new List<CoverageEntry>();
        foreach (var group in observations.GroupBy(o => o.Arn, StringComparer.Ordinal))
        {
            var seen = group.FirstOrDefault(o => o.Kind is not null);
            if (seen is null)
            {
                // Named only by a backup: a resource that no longer exists, or of a kind the runner does not drill.
                continue;
            }

            var protections = group.Select(o => o.Protection).OfType<Protection>()
                .GroupBy(p => p.Source, StringComparer.Ordinal)
                .Select(g => g.MaxBy(p => p.NewestAt ?? DateTimeOffset.MinValue)!)
                .OrderBy(p => p.Source, StringComparer.Ordinal)
                .ToList();
            var pitr = group.FirstOrDefault(o => o.PitrEnabled is not null);
            var name = seen.Name ?? seen.Arn;
            var tags = group.Select(o => o.Tags).OfType<IReadOnlyDictionary<string, string>>().FirstOrDefault() ?? new Dictionary<string, string>();
            // A resource a plan's "select" rule matches is drilled by that plan, as an explicit target is (docs/coverage.md).
            var kind = RestoreKinds.OfScratchKind(seen.Kind!);
            var covering = drills.Targets.Where(t => t.Arn == seen.Arn)
                .Concat(drills.Plans.Where(p => p.Selection.Any(r => r.Kind == kind && r.Matches(RestoreKinds.Parse(seen.Arn)?.Name ?? name, tags))).Select(p => new PlanTarget(p.Name, seen.Arn)))
                .ToList();
            var entry = new CoverageEntry(seen.Arn, seen.Kind!, name)
            {
                PitrEnabled = pitr?.PitrEnabled,
                PitrError = group.Select(o => o.PitrError).FirstOrDefault(e => e is not null),
                EarliestRestorable = pitr?.EarliestRestorable,
                LatestRestorable = pitr?.LatestRestorable,
                Protections = protections,
                Plans = [.. covering.Select(t => t.Plan).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                LastDrill = covering.Select(t => drills.Latest.GetValueOrDefault(t.Plan)).OfType<LastDrill>().MaxBy(d => d.StartedAt),
                LastPassAt = covering.Select(t => drills.LastPass.GetValueOrDefault(t.Plan)).Max(),
                ExcludedBecause = Exclusion(seen, name, tags, runner, prefixes, drills.Plans),
            };
            if (entry.ExcludedBecause is not null)
            {
                entries.Add(entry);
                continue;
            }

            var survival = JudgeSurvival.Of(entry, group, tags, vaults, scope, now) with { Required = Required(entry.Plans, drills.Plans, thresholds) };
            entry = entry with { Survival = survival };
            entries.Add(entry with { Findings = [.. Judge(entry, now, thresholds), .. JudgeSurvival.Findings(entry, survival, scope)] });
        }

        var audit = new CoverageAudit(auditId, scope.Account, scope.Region, startedAt, now, thresholds, [.. entries.OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)])
        {
            RequestId = requestId,
            UnreadablePlans = drills.Unreadable,
        };
        await store.SaveAsync(audit, cancellationToken);
        return audit;
    }

    /// <summary>The findings for one resource that is neither excluded, the runner's own nor scratch.</summary>
    public static IReadOnlyList<Finding> Judge(CoverageEntry entry, DateTimeOffset now, CoverageThresholds thresholds)
    {
        var findings = new List<Finding>();
        var what = $"{DisplayName(entry.Kind)} {entry.Name}";
        if (entry.Protections.Count == 0)
        {
            findings.Add(new Finding(
                FindingKind.NotProtected,
                $"{what} has no {RestoreKinds.OfScratchKind(entry.Kind)?.LacksProtection ?? RestoreKind.Backup} and is not in AWS Backup: if it is lost, it is gone{(entry.PitrError is { } error ? $" (its point-in-time recovery setting could not be read: {error})" : string.Empty)}.",
                ProtectFix(entry)));
        }
        else if (entry.Newest is { NewestAt: { } newest } protection && now - newest > thresholds.BackupStaleAfter)
        {
            findings.Add(new Finding(
                FindingKind.BackupStale,
                $"{what}'s newest recovery point is {Age(now - newest)} old ({protection.Source}, {newest:yyyy-MM-dd HH:mm} UTC), beyond {Age(thresholds.BackupStaleAfter)}.",
                RestoreKinds.OfScratchKind(entry.Kind)?.StaleBackupFix(entry.Name) ?? RestoreKind.CheckBackupPlan));
        }

        if (entry.Plans.Count == 0)
        {
            findings.Add(new Finding(
                FindingKind.NotDrilled,
                $"{what} is in no drill plan: nobody has proved it can be restored.",
                "Add a target for it (drill plan suggest --from-coverage drafts one), or list it under a plan's coverage.exclude with the reason."));
            return findings;
        }

        var plansText = string.Join(", ", entry.Plans);
        if (entry.LastDrill is { Verdict: { } verdict } last && verdict != Verdict.Pass)
        {
            findings.Add(new Finding(
                FindingKind.DrillFailing,
                $"{what}'s latest drill (plan {last.Plan}, run {last.RunId}, {last.StartedAt:yyyy-MM-dd}) ended {VerdictNames.Of(verdict)}{(last.Reason is { Length: > 0 } reason ? $": {reason}" : ".")}",
                $"Read drill status {last.RunId} and fix what it names, then drill again: drill run --plan {last.Plan}."));
        }

        if (entry.LastPassAt is not { } pass || now - pass > thresholds.DrillStaleAfter)
        {
            findings.Add(new Finding(
                FindingKind.DrillStale,
                entry.LastPassAt is { } at
                    ? $"{what} has not passed a drill for {Age(now - at)} (last PASS {at:yyyy-MM-dd}, plan {plansText}), beyond {Age(thresholds.DrillStaleAfter)}."
                    : $"{what} is in plan {plansText} but has never passed a drill.",
                $"Drill it (drill run --plan {entry.Plans[0]}) and check the weekly schedule is enabled."));
        }

        return findings;
    }

    /// <summary>
    /// What a resource must survive: the union of its plans' survival.require (a plan without one asks the
    /// stack's SurvivalRequire), or in no plan the stack's SurvivalRequire.
    /// </summary>
    public static IReadOnlyList<SurvivalEvent> Required(IReadOnlyList<string> planNames, IReadOnlyList<DrillPlan> plans, CoverageThresholds thresholds) =>
        planNames.Count == 0
            ? thresholds.SurvivalRequired
            : [.. planNames.SelectMany(name => plans.FirstOrDefault(p => p.Name == name)?.SurvivalRequired ?? thresholds.SurvivalRequired).Distinct().Order()];

    public static string DisplayName(string kind) => RestoreKinds.OfScratchKind(kind)?.DisplayName ?? kind;

    /// <summary>"3 d 4 h", "27 h", "45 min".</summary>
    public static string Age(TimeSpan age) => age.TotalHours switch
    {
        >= 72 => $"{(int)age.TotalDays} d {age.Hours} h",
        >= 1 => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalMinutes} min",
    };

    private static string ProtectFix(CoverageEntry entry) =>
        RestoreKinds.OfScratchKind(entry.Kind)?.ProtectFix(entry.Name) ?? RestoreKind.AddToBackupPlan(entry.Name);

    private static string? Exclusion(EstateObservation seen, string name, IReadOnlyDictionary<string, string> tags, RunnerResources runner, IReadOnlyList<string> prefixes, IReadOnlyList<DrillPlan> plans)
    {
        if (seen.Kind == ScratchKinds.DynamoDbTable && name == runner.RunsTable)
        {
            return "DrillRunner's own runs table";
        }

        var named = tags.TryGetValue(TeardownGuard.NameTag, out var tagName) ? tagName : name;
        if (tags.ContainsKey(TeardownGuard.RunIdTag) || prefixes.FirstOrDefault(p => named.StartsWith(p, StringComparison.Ordinal) || name.StartsWith(p, StringComparison.Ordinal)) is not null)
        {
            return tags.TryGetValue(TeardownGuard.RunIdTag, out var run) ? $"a drill's scratch resource (run {run})" : "a drill's scratch resource (scratch prefix)";
        }

        return plans
            .SelectMany(p => p.CoverageExclusions.Where(e => e.Matches(seen.Arn, name)).Select(e => $"excluded by plan {p.Name}: {e.Reason}"))
            .FirstOrDefault();
    }

    private sealed record PlanTarget(string Plan, string Arn);

    private sealed record PlanDrills(IReadOnlyList<DrillPlan> Plans, IReadOnlyList<PlanTarget> Targets, Dictionary<string, LastDrill> Latest, Dictionary<string, DateTimeOffset?> LastPass, IReadOnlyList<string> Unreadable);

    private async Task<PlanDrills> DrillsAsync(AuditScope scope, CancellationToken cancellationToken)
    {
        var readPlans = new List<DrillPlan>();
        var targets = new List<PlanTarget>();
        var latest = new Dictionary<string, LastDrill>(StringComparer.Ordinal);
        var lastPass = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var name in await plans.ListNamesAsync(cancellationToken))
        {
            if (await plans.GetLatestAsync(name, cancellationToken) is not { } stored)
            {
                continue;
            }

            var read = PlanReader.Read(stored.Json);
            if (read.Plan is not { } plan)
            {
                var problem = read.Problems.FirstOrDefault();
                unreadable.Add($"{name} v{stored.Version}: {problem?.Path} {problem?.Message}");
                continue;
            }

            readPlans.Add(plan);
            targets.AddRange(plan.Targets.Select(t => new PlanTarget(plan.Name, t switch
            {
                DynamoDbTarget table => scope.TableArn(table.TableName),
                AwsBackupTarget backup => backup.ResourceArn,
                _ => t.SourceName,
            })));

            var history = await runs.HistoryAsync(plan.Name, null, int.MaxValue, cancellationToken);
            lastPass[plan.Name] = history.FirstOrDefault(r => r.Verdict == Verdict.Pass)?.StartedAt;
            if (history.FirstOrDefault(r => r.Verdict is not null) is { } concluded)
            {
                var run = await runs.GetAsync(concluded.RunId, cancellationToken);

                // What the plan's rules selected at its latest drill counts, even where the audit cannot see the tags they matched.
                foreach (var selected in run.Selection?.Selected ?? [])
                {
                    if (plan.Selection.FirstOrDefault(r => r.Id == selected.RuleId) is { } rule)
                    {
                        targets.Add(new PlanTarget(plan.Name, rule.Kind == RestoreKinds.S3Bucket ? scope.BucketArn(selected.Resource) : scope.TableArn(selected.Resource)));
                    }
                }

                latest[plan.Name] = new LastDrill(plan.Name, run.RunId, run.StartedAt, run.Verdict, run.VerdictReason, run.RtoSeconds, run.RpoSeconds);
            }
        }

        return new PlanDrills(readPlans, targets, latest, lastPass, unreadable);
    }
}
