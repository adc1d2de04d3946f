using System.Text.Json.Serialization;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Coverage;

/// <summary>One finding about one resource: the plain sentence and what to do.</summary>
public sealed record Finding(FindingKind Kind, string Sentence, string Fix)
{
    /// <summary>
    /// A survival finding for an event the resource is not required to survive (its plans' survival.require,
    /// else the stack's SurvivalRequire): shown, but it neither fails --fail-on nor counts in the audit's worst.
    /// </summary>
    public bool Advisory { get; init; }
}

/// <summary>The latest drill that included a resource.</summary>
public sealed record LastDrill(string Plan, string RunId, DateTimeOffset StartedAt, Verdict? Verdict, string? Reason, double? RtoSeconds, double? RpoSeconds);

/// <summary>Everything the audit knows about one resource, and what it found.</summary>
public sealed record CoverageEntry(string Arn, string Kind, string Name)
{
    public bool? PitrEnabled { get; init; }

    /// <summary>Why the PITR setting of a table could not be read (DescribeContinuousBackups' error).</summary>
    public string? PitrError { get; init; }

    public DateTimeOffset? EarliestRestorable { get; init; }

    public DateTimeOffset? LatestRestorable { get; init; }

    /// <summary>Every way it can be restored, each with its newest point.</summary>
    public IReadOnlyList<Protection> Protections { get; init; } = [];

    /// <summary>The newest point it can be restored to, from any protection.</summary>
    [JsonIgnore]
    public Protection? Newest => Protections.Where(p => p.NewestAt is not null).MaxBy(p => p.NewestAt);

    [JsonIgnore]
    public bool InAwsBackup => Protections.Any(p => p.Source == Protection.AwsBackup);

    /// <summary>The plans with a target for it.</summary>
    public IReadOnlyList<string> Plans { get; init; } = [];

    public LastDrill? LastDrill { get; init; }

    public DateTimeOffset? LastPassAt { get; init; }

    /// <summary>Why it is not judged: a plan's exclusion reason (with the plan), or that it is DrillRunner's own or scratch.</summary>
    public string? ExcludedBecause { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>What would be left of it after its stack's deletion, its account's loss and its region's loss; null when not judged.</summary>
    public Survival.Survivability? Survival { get; init; }
}

/// <summary>One audit of an account and region: every resource of the kinds the runner drills, and the findings.</summary>
public sealed record CoverageAudit(string AuditId, string Account, string Region, DateTimeOffset StartedAt, DateTimeOffset JudgedAt, CoverageThresholds Thresholds, IReadOnlyList<CoverageEntry> Resources)
{
    /// <summary>The request that asked for this audit (<c>drill coverage --now</c>); null for a scheduled one.</summary>
    public string? RequestId { get; init; }

    /// <summary>Stored plans the judge could not read (their targets count as in no plan), each with the first problem.</summary>
    public IReadOnlyList<string> UnreadablePlans { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<CoverageEntry> Judged => Resources.Where(r => r.ExcludedBecause is null);

    [JsonIgnore]
    public IEnumerable<CoverageEntry> Excluded => Resources.Where(r => r.ExcludedBecause is not null);

    [JsonIgnore]
    public IEnumerable<(CoverageEntry Resource, Finding Finding)> Findings =>
        Judged.SelectMany(r => r.Findings.Select(f => (r, f))).OrderBy(f => f.f.Advisory).ThenByDescending(f => f.f.Kind).ThenBy(f => f.r.Name, StringComparer.Ordinal);

    /// <summary>How many resources have this finding and are required to pass it (advisory findings are counted by <see cref="CountAdvisory"/>).</summary>
    public int Count(FindingKind kind) => Judged.Count(r => r.Findings.Any(f => f.Kind == kind && !f.Advisory));

    /// <summary>How many resources have this finding as advisory only: shown, not failed.</summary>
    public int CountAdvisory(FindingKind kind) => Judged.Count(r => r.Findings.Any(f => f.Kind == kind && f.Advisory) && !r.Findings.Any(f => f.Kind == kind && !f.Advisory));

    /// <summary>The most severe finding a resource is required to pass, or null when there is none.</summary>
    [JsonIgnore]
    public FindingKind? Worst => Judged.SelectMany(r => r.Findings).Where(f => !f.Advisory).Select(f => (FindingKind?)f.Kind).Max();

    /// <summary>True when something at or above <paramref name="threshold"/> was found.</summary>
    public bool Fails(FindingKind threshold) => Worst is { } worst && worst >= threshold;

    /// <summary>"41 of 43 resources are drilled; 1 has no backup of any kind: payments-ledger": the line reports open with.</summary>
    public string Headline()
    {
        var judged = Judged.ToList();
        var drilled = judged.Count(r => r.Plans.Count > 0);
        var line = StackLosses(judged) + $"{drilled} of {judged.Count} {Noun(judged.Count, "resource")} {(judged.Count == 1 ? "is" : "are")} drilled";
        var unprotected = judged.Where(r => r.Findings.Any(f => f.Kind == FindingKind.NotProtected)).Select(r => r.Name).ToList();
        if (unprotected.Count > 0)
        {
            line += $"; {unprotected.Count} {(unprotected.Count == 1 ? "has" : "have")} no backup of any kind: {Names(unprotected)}";
        }

        var stale = judged.Where(r => r.Findings.Any(f => f.Kind == FindingKind.BackupStale)).Select(r => r.Name).ToList();
        if (stale.Count > 0)
        {
            line += $"; {stale.Count} {(stale.Count == 1 ? "has a stale backup" : "have stale backups")}: {Names(stale)}";
        }

        var failing = judged.Count(r => r.Findings.Any(f => f.Kind == FindingKind.DrillFailing));
        if (failing > 0)
        {
            line += $"; {failing} {(failing == 1 ? "fails its drill" : "fail their drills")}";
        }

        if (UnreadablePlans.Count > 0)
        {
            line += $"; {UnreadablePlans.Count} stored plan{(UnreadablePlans.Count == 1 ? " could" : "s could")} not be read";
        }

        return line + ".";
    }

    /// <summary>The plain-text summary a notification carries: the headline, then each finding with what to do (at most <paramref name="lines"/>).</summary>
    public string Summary(int lines = 40)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Headline()).AppendLine();
        text.AppendLine($"Coverage audit {AuditId} of account {Account} in {Region}, {JudgedAt:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(string.Join(", ", FindingNames.BySeverity.Select(k => $"{FindingNames.Of(k)}: {Count(k)}{(CountAdvisory(k) is > 0 and var advisory ? $" (+{advisory} advisory)" : string.Empty)}"))).AppendLine();
        var findings = Findings.ToList();
        foreach (var (resource, finding) in findings.Take(lines))
        {
            text.AppendLine($"{FindingNames.Of(finding.Kind)}{(finding.Advisory ? " (advisory)" : string.Empty)}  {finding.Sentence}");
            text.AppendLine($"    → {finding.Fix}");
        }

        if (findings.Count > lines)
        {
            text.AppendLine($"… and {findings.Count - lines} more: drill coverage lists them all.");
        }

        return text.ToString();
    }

    /// <summary>"2 DynamoDB tables would be lost for good if stack shop were deleted: shop-carts, shop-ledger; ", per stack, worst first.</summary>
    private static string StackLosses(List<CoverageEntry> judged)
    {
        var lost = judged.Where(r => r.Findings.Any(f => f.Kind == FindingKind.StackDeleteLosesData) && r.Survival?.Owner.Stack is not null)
            .GroupBy(r => r.Survival!.Owner.Stack!.StackName, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        var text = new System.Text.StringBuilder();
        foreach (var stack in lost)
        {
            var kinds = stack.Select(r => r.Kind).Distinct(StringComparer.Ordinal).ToList();
            var noun = kinds.Count == 1 ? JudgeCoverage.DisplayName(kinds[0]) : "resource";
            var count = stack.Count();
            text.Append($"{count} {Noun(count, noun)} would be lost for good if stack {stack.Key} were deleted: {Names([.. stack.Select(r => r.Name)])}; ");
        }

        return text.ToString();
    }

    private static string Noun(int count, string noun) => count == 1 ? noun : noun + "s";

    private static string Names(List<string> names) => names.Count <= 5 ? string.Join(", ", names) : string.Join(", ", names.Take(5)) + $" and {names.Count - 5} more";
}
