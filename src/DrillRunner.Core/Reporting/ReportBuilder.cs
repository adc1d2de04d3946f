using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Reporting;

/// <summary>
/// Builds the leadership report from the runs table. Rejected requests are not drills and are left
/// out; a plan with no PASS for <see cref="StaleAfterDays"/> days is stale, which is a finding in itself.
/// </summary>
public sealed class ReportBuilder(IRunStore runs, IPlanStore plans)
{
    public const double StaleAfterDays = 8;

    public async Task<PlanReport> BuildAsync(string planName, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await plans.GetLatestAsync(planName, cancellationToken);
        var plan = stored is null ? null : PlanReader.Read(stored.Json).Plan;
        var inWindow = await runs.HistoryAsync(planName, since, int.MaxValue, cancellationToken);
        var unreadable = inWindow.Where(s => s.Unreadable is not null).Select(s => new RunFailure(s.RunId, s.StartedAt, Verdict.Error, $"the run's history item cannot be read: {s.Unreadable}")).ToList();
        var (concluded, unreadableRuns) = await ReadRunsAsync(inWindow.Where(s => s.Unreadable is null && s.Verdict is not null && s.Status != RunStatus.Rejected), cancellationToken);
        unreadable.AddRange(unreadableRuns);
        concluded.Sort((a, b) => a.Run.StartedAt.CompareTo(b.Run.StartedAt));
        var points = concluded.Select(c => new RunPoint(c.Run.RunId, c.Run.StartedAt, c.Run.Verdict!.Value, c.Run.RtoSeconds, c.Run.RpoSeconds, c.Run.VerdictReason ?? string.Empty)
        {
            Instant = c.Run.Instant?.At,
            LargestSkewSeconds = c.Run.Instant is { } instant ? c.Targets.Select(instant.SkewSeconds).Max() : null,
            OlderPoint = RunJudge.ProvesOlderPoint(c.Run, c.Targets),
            RelationsNotHeld = [.. c.Run.Relations.Where(r => !r.Passed).Select(r => $"{r.RelationId}: {RelationSummary.Outcome(r)}")],
        }).ToList();
        var lastPass = inWindow.FirstOrDefault(r => r.Verdict == Verdict.Pass)?.StartedAt ?? await LastPassAsync(planName, cancellationToken);
        double? daysSincePass = lastPass is { } at ? (now - at).TotalDays : null;
        var latest = points.LastOrDefault();
        var latestRun = concluded.Count > 0 ? concluded[^1].Run : null;
        var rtos = points.Where(p => p.RtoSeconds is not null).Select(p => p.RtoSeconds!.Value).ToList();
        // An older point proven on purpose has its age as RPO: not a data-loss figure, so not the worst RPO.
        var rpos = points.Where(p => p.RpoSeconds is not null && !p.OlderPoint).Select(p => p.RpoSeconds!.Value).ToList();

        var costs = concluded.Select(c => c.Run.Cost).OfType<RunCost>().ToList();
        return new PlanReport(
            planName,
            plan?.Objectives.RtoMinutes ?? latestRun?.RtoObjectiveMinutes ?? 0,
            plan?.Objectives.RpoMinutes ?? latestRun?.RpoObjectiveMinutes ?? 0,
            points.Count,
            points.Count(p => p.Verdict == Verdict.Pass),
            latest,
            lastPass,
            daysSincePass,
            daysSincePass is null or > StaleAfterDays,
            Percentiles.Of(rtos, 50),
            Percentiles.Of(rtos, 95),
            rpos.Count > 0 ? rpos.Max() : null,
            points,
            TargetTimesOf(concluded),
            points.Where(p => p.Verdict != Verdict.Pass).Reverse().Select(p => new RunFailure(p.RunId, p.StartedAt, p.Verdict, p.Reason)).Concat(unreadable).ToList(),
            NeverVerified(plan, concluded))
        {
            MeanDrillCostUsd = costs.Count > 0 ? costs.Average(c => c.RunnerUsd + c.RestoreAndCheckUsd) : null,
            MeanRunnerCostUsd = costs.Count > 0 ? costs.Average(c => c.RunnerUsd) : null,
            CostPerMonthUsd = CostPerMonth(concluded.Select(c => c.Run).ToList()),
            RunbookGaps = concluded.Count > 0
                ? [.. concluded[^1].Targets.Where(t => t.RunbookGap is not null).Select(t => new TargetRunbookGap(t.TargetId, t.SourceName, t.RunbookGap!.Sentence(), t.RunbookGap.HasCompared))]
                : [],
            CopiesProven = concluded.Count > 0
                ? [.. concluded[^1].Targets.Where(t => t.Backup?.Copy is not null && t.RecoveryPoint?.BackupArn is not null).Select(t => new TargetCopyProven(t.TargetId, t.Backup!.Copy!.Sentence(t.RecoveryPoint!.BackupArn!)))]
                : [],
            Relations = latestRun?.Relations ?? [],
            RunbookGapNotRecorded = concluded.Count > 0 ? [.. concluded[^1].Targets.Where(t => t.RunbookGap is null).Select(t => t.TargetId)] : [],
        };
    }

    /// <summary>Reads runs and their targets a few at a time: a year of weekly drills is hundreds of round trips.</summary>
    /// <summary>A run whose record cannot be read is reported as such, and the report carries on.</summary>
    private async Task<(List<(DrillRun Run, IReadOnlyList<TargetRun> Targets)> Read, List<RunFailure> Unreadable)> ReadRunsAsync(IEnumerable<RunSummary> summaries, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(8);
        var reads = summaries.Select(async summary =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return (Run: await runs.GetAsync(summary.RunId, cancellationToken), Targets: await runs.GetTargetsAsync(summary.RunId, cancellationToken), Failure: (RunFailure?)null);
            }
            catch (Exception ex) when (ex is Errors.RunRecordUnreadable or Errors.RunNotFound)
            {
                return (Run: (DrillRun?)null, Targets: (IReadOnlyList<TargetRun>)[], Failure: new RunFailure(summary.RunId, summary.StartedAt, Verdict.Error, ex.Message));
            }
            finally
            {
                gate.Release();
            }
        });
        var results = await Task.WhenAll(reads);
        return (
            [.. results.Where(r => r.Run is not null).Select(r => (r.Run!, r.Targets))],
            [.. results.Where(r => r.Failure is not null).Select(r => r.Failure!)]);
    }

    /// <summary>The last PASS ever (not just in the window): staleness is about time since proof, whatever the window.</summary>
    private async Task<DateTimeOffset?> LastPassAsync(string planName, CancellationToken cancellationToken) =>
        (await runs.HistoryAsync(planName, null, int.MaxValue, cancellationToken)).FirstOrDefault(r => r.Verdict == Verdict.Pass)?.StartedAt;

    private static List<TargetTimes> TargetTimesOf(List<(DrillRun Run, IReadOnlyList<TargetRun> Targets)> concluded)
    {
        return concluded
            .SelectMany(c => c.Targets)
            .GroupBy(t => t.TargetId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var restores = g.Where(t => t.RestoreRequestedAt is not null && t.RestoreCompletedAt is not null).Select(t => (t.RestoreCompletedAt!.Value - t.RestoreRequestedAt!.Value).TotalSeconds).ToList();
                var verifies = g.Where(t => t.RestoreCompletedAt is not null && t.VerifiedAt is not null).Select(t => (t.VerifiedAt!.Value - t.RestoreCompletedAt!.Value).TotalSeconds).ToList();
                var oldest = g.Where(t => t.Stage == TargetStage.Verified && t.RecoveryPoint is not null).MinBy(t => t.RecoveryPoint!.CreatedAt);
                return new TargetTimes(
                    g.Key,
                    g.Last().SourceName,
                    restores.Count,
                    Percentiles.Of(restores, 50),
                    Percentiles.Of(verifies, 50),
                    restores.Count > 0 ? restores[^1] : null,
                    verifies.Count > 0 ? verifies[^1] : null)
                {
                    OldestProvenPoint = oldest?.RecoveryPoint!.CreatedAt,
                    OldestProvenOn = oldest?.VerifiedAt,
                };
            })
            .ToList();
    }

    /// <summary>The plan's targets no drill in the window verified, each with its kind; without a stored plan, the targets the runs name.</summary>
    /// <summary>
    /// What the plan's drills cost a month at the pace they ran: the mean cost times the drills a month,
    /// counted between the first and the last drill. One drill sets no pace: null, and the report says so.
    /// </summary>
    private static double? CostPerMonth(List<DrillRun> runs)
    {
        var costed = runs.Where(r => r.Cost is not null).OrderBy(r => r.StartedAt).ToList();
        if (costed.Count < 2)
        {
            return null;
        }

        var spanDays = Math.Max(1.0 / 24, (costed[^1].StartedAt - costed[0].StartedAt).TotalDays);
        var drillsPerMonth = (costed.Count - 1) / spanDays * 30;
        return costed.Average(r => r.Cost!.RunnerUsd + r.Cost.RestoreAndCheckUsd) * drillsPerMonth;
    }

    private static List<UnverifiedTarget> NeverVerified(DrillPlan? plan, List<(DrillRun Run, IReadOnlyList<TargetRun> Targets)> concluded)
    {
        var verified = concluded.SelectMany(c => c.Targets).Where(t => t.Stage == TargetStage.Verified).Select(t => t.TargetId).ToHashSet(StringComparer.Ordinal);
        var inPlan = plan?.Targets.Select(t => new UnverifiedTarget(t.Id, t.SourceName, (t is AwsBackupTarget backup ? backup.Kind : RestoreKinds.DynamoDbTable).ScratchKind))
            ?? concluded.SelectMany(c => c.Targets).GroupBy(t => t.TargetId, StringComparer.Ordinal).Select(g => new UnverifiedTarget(g.Key, g.Last().SourceName, g.Select(t => t.Scratch?.Kind).LastOrDefault(k => k is not null)));
        return inPlan.Where(t => !verified.Contains(t.TargetId)).OrderBy(t => t.TargetId, StringComparer.Ordinal).ToList();
    }
}
