using DrillRunner.Core.Capacity;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Ports;
using DrillRunner.Core.RunbookGaps;
using DrillRunner.Core.Runs;

namespace DrillRunner.Local.Demo;

/// <summary>
/// Writes a synthetic history of weekly drills into a runs table (through the real run store), so
/// the report has a year to show on a laptop, and so its speed can be measured. Deterministic. Each
/// drill carries what a real one records besides its times: its cost, estimated by the runner's own
/// estimate from the targets' sizes and polls, and each verified target's runbook gap, compared by the
/// runner's own comparison against the settings below, so the report shows both for every plan.
/// </summary>
public static class HistorySeeder
{
    public static readonly string[] TargetIds = ["orders", "customers", "ledger"];

    /// <summary>The seeded tables' sizes: a restore's cost grows with them.</summary>
    private static readonly long[] SourceSizes = [5 * DynamoDbCapacity.GiB, DynamoDbCapacity.GiB, 20 * DynamoDbCapacity.GiB];

    /// <summary>What the seeded source tables have that a restore does not bring back (a restored table has none of it).</summary>
    private static readonly TableRecoverySettings[] SourceSettings =
    [
        new("expiresAt", "NEW_IMAGE", true, true, new Dictionary<string, string> { ["team"] = "shop", ["cost-centre"] = "cc-104" }),
        new(null, null, true, true, new Dictionary<string, string> { ["team"] = "crm" }),
        new(null, "NEW_AND_OLD_IMAGES", true, true, new Dictionary<string, string> { ["team"] = "finance", ["data-class"] = "restricted" }),
    ];

    private static readonly TableRecoverySettings Restored = new(null, null, false, false, new Dictionary<string, string>());

    /// <summary>Seeds <paramref name="plans"/> plans named history-01.. with <paramref name="weeks"/> weekly drills each, ending a day before <paramref name="now"/>.</summary>
    public static async Task<int> SeedAsync(IPlanStore planStore, IRunStore runs, int plans, int weeks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var written = 0;
        for (var p = 1; p <= plans; p++)
        {
            var name = PlanName(p, plans);
            await planStore.SaveAsync(name, PlanJson(name), now, cancellationToken);
            // Every fifth plan has failed its last two weekly drills: a stale plan for the report to find.
            var failingWeeks = p % 5 == 0 ? 2 : 0;
            for (var week = weeks; week >= 1; week--)
            {
                var t0 = now.AddDays(-(7 * week) + 6).AddHours(-random.Next(0, 5));
                var roll = random.NextDouble();
                var verdict = week > failingWeeks ? (roll < 0.05 ? Verdict.Fail : roll < 0.12 ? Verdict.FailObjective : Verdict.Pass) : Verdict.Fail;
                await WriteRunAsync(runs, name, $"{name}-w{week:D2}", t0, verdict, random, cancellationToken);
                written++;
            }
        }

        return written;
    }

    /// <summary>The name of the <paramref name="number"/>th of <paramref name="plans"/> seeded plans: history-01 …</summary>
    public static string PlanName(int number, int plans) => $"history-{number.ToString(plans > 99 ? "D3" : "D2", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Writes one synthetic, torn-down run of <paramref name="plan"/> that started at <paramref name="t0"/> and ended with <paramref name="verdict"/>.</summary>
    /// <param name="objectives">The plan's objectives, when not the seeded plans' (60 min, 15 min): the run's times are scaled to them, so a PASS meets them.</param>
    public static async Task WriteRunAsync(IRunStore runs, string plan, string runId, DateTimeOffset t0, Verdict verdict, Random random, CancellationToken cancellationToken, Core.Plans.Objectives? objectives = null)
    {
        var (rtoObjective, rpoObjective) = objectives is null ? (SeededObjectives.RtoMinutes, SeededObjectives.RpoMinutes) : (objectives.RtoMinutes, objectives.RpoMinutes);
        // Every span of the story shrinks or grows with the objectives, so the verdict means the same.
        var k = rtoObjective / SeededObjectives.RtoMinutes;
        var restore = 1200 + random.Next(0, 1800) + (verdict == Verdict.FailObjective ? 3000 : 0);
        var rpo = (120 + random.Next(0, 500)) * rpoObjective / SeededObjectives.RpoMinutes;
        var targets = TargetIds.Select((id, i) =>
        {
            var failed = verdict == Verdict.Fail && i == 0;
            var verifiedAt = failed ? (DateTimeOffset?)null : t0.AddSeconds(k * (20 + restore - (i * 200) + 90));
            return new TargetRun(runId, id, $"{id}-prod")
            {
                Stage = failed ? TargetStage.Failed : TargetStage.Verified,
                RecoveryPoint = failed ? null : new RecoveryPoint(RecoveryPoint.Pitr, null, t0.AddSeconds(-rpo + (i * 30 * rpoObjective / SeededObjectives.RpoMinutes))),
                RestoreRequestedAt = t0.AddSeconds(k * 20),
                RestoreCompletedAt = failed ? null : t0.AddSeconds(k * (20 + restore - (i * 200))),
                VerifiedAt = verifiedAt,
                Polls = failed ? 0 : 4 + random.Next(0, 5),
                SourceSizeBytes = SourceSizes[i],
                Failure = failed ? new TargetFailure("RecoveryPointNotFound", $"no recovery point for table '{id}-prod': point-in-time recovery is off and the table has no AVAILABLE backup", false) : null,
                // Recorded after verification, as RecordRunbookGap does: a target that failed earlier has none.
                RunbookGap = verifiedAt is { } at
                    ? new RunbookGap($"{id}-prod", [.. CompareWithSource.Tables(SourceSettings[i], Restored), .. CompareWithSource.Documented(RestoreKinds.DynamoDbTable)], at)
                    : null,
            };
        }).ToList();
        var concludedAt = targets.Max(t => t.VerifiedAt ?? t.RestoreRequestedAt)!.Value.AddSeconds(k * 200);
        var run = new DrillRun(runId, plan, 1, PlanJson(plan), "schedule", t0)
        {
            Cost = DrillCost.Estimate(targets, _ => false, concludedAt, null),
            ConcludedAt = concludedAt,
            Status = RunStatus.TornDown,
            TargetIds = TargetIds,
            RtoObjectiveMinutes = rtoObjective,
            RpoObjectiveMinutes = rpoObjective,
            Verdict = verdict,
            RtoSeconds = verdict == Verdict.Fail ? null : k * (restore + 200),
            RpoSeconds = verdict == Verdict.Fail ? null : rpo,
            VerdictReason = verdict switch
            {
                Verdict.Pass => "all 3 target(s) restored, verified and healthy",
                Verdict.FailObjective => $"RTO {RunJudge.Minutes(k * (restore + 200))} (objective {RunJudge.Minutes(rtoObjective * 60)}) breached the objective",
                _ => targets[0].Failure!.Reason,
            },
        };
        await runs.CreateAsync(run, targets, cancellationToken);
    }

    /// <summary>The seeded plans' objectives: a production-like hour to recover, a quarter of an hour of data.</summary>
    private static readonly Core.Plans.Objectives SeededObjectives = new(60, 15);

    private static string PlanJson(string name) => $$"""
        { "name": "{{name}}", "objectives": { "rtoMinutes": {{SeededObjectives.RtoMinutes}}, "rpoMinutes": {{SeededObjectives.RpoMinutes}} }, "scratchPrefix": "drill-",
          "targets": [ {{string.Join(", ", TargetIds.Select(id => $$"""{ "id": "{{id}}", "type": "dynamodb", "tableName": "{{id}}-prod" }"""))}} ] }
        """;
}
