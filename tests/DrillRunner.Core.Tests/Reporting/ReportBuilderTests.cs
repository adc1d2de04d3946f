using DrillRunner.Core.Kinds;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;

namespace DrillRunner.Core.Tests.Reporting;

public sealed class ReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryPlanStore _plans = new();

    [Fact]
    public async Task Build_WeeklyHistory_GivesTheFiguresComputedIndependently()
    {
        await Plan("prod", "orders", "ledger");
        var rtos = new double[] { 600, 1200, 900, 3000, 1500, 700, 800, 4000, 650, 1000 };
        for (var week = 0; week < rtos.Length; week++)
        {
            var verdict = rtos[week] > 3600 ? Verdict.FailObjective : Verdict.Pass;
            await Run("prod", $"r{week}", Now.AddDays(-7 * (rtos.Length - week)), verdict, rtos[week], 60 + week, verified: ["orders", "ledger"]);
        }

        var report = await Build("prod");

        var sorted = rtos.Order().ToArray();
        Assert.Equal(10, report.Runs);
        Assert.Equal(9, report.Passes);
        Assert.Equal(0.9, report.PassRate);
        Assert.Equal(sorted[4], report.RtoP50Seconds);
        Assert.Equal(sorted[9], report.RtoP95Seconds);
        Assert.Equal(69, report.WorstRpoSeconds);
        Assert.Equal(1000, report.Latest!.RtoSeconds);
        Assert.Equal(7, report.DaysSinceLastPass!.Value, 3);
        Assert.False(report.Stale);
        Assert.True(report.ObjectivesMet);
        Assert.Equal("r7", Assert.Single(report.Failures).RunId);
        Assert.Equal(10, report.Points.Count);
        Assert.Equal(report.Points.OrderBy(p => p.StartedAt).Select(p => p.RunId), report.Points.Select(p => p.RunId));
    }

    [Fact]
    public async Task Build_NoPassForMoreThanEightDays_IsStaleEvenIfThereWereRuns()
    {
        await Plan("billing", "invoices");
        await Run("billing", "old-pass", Now.AddDays(-20), Verdict.Pass, 100, 10, verified: ["invoices"]);
        await Run("billing", "fail-1", Now.AddDays(-13), Verdict.Fail, null, null, verified: []);
        await Run("billing", "fail-2", Now.AddDays(-6), Verdict.Fail, null, null, verified: []);

        var report = await Build("billing");

        Assert.True(report.Stale);
        Assert.Equal(20, report.DaysSinceLastPass!.Value, 3);
        Assert.False(report.ObjectivesMet);
        Assert.Equal(["fail-2", "fail-1"], report.Failures.Select(f => f.RunId));
    }

    [Fact]
    public async Task Build_TargetNeverVerifiedInTheWindow_IsNamedWithItsKind()
    {
        await _plans.SaveAsync("prod", """
            { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
              "targets": [ { "id": "orders", "type": "dynamodb", "tableName": "orders-prod" }, { "id": "ledger", "type": "dynamodb", "tableName": "ledger-prod" },
                           { "id": "billing", "type": "aws-backup", "resourceArn": "arn:aws:rds:eu-west-1:111122223333:db:billing-db", "verification": { "tcpConnect": true } } ] }
            """, Now, default);
        await Run("prod", "r1", Now.AddDays(-2), Verdict.Fail, null, 30, verified: ["orders"]);
        await Run("prod", "outside-window", Now.AddDays(-200), Verdict.Pass, 100, 10, verified: ["orders", "ledger", "billing"]);

        var report = await Build("prod");

        Assert.Equal([new UnverifiedTarget("billing", "billing-db", ScratchKinds.RdsInstance), new UnverifiedTarget("ledger", "ledger-prod", ScratchKinds.DynamoDbTable)], report.NeverVerified);
        Assert.Equal(1, report.Runs);
    }

    [Fact]
    public async Task Build_RejectedRequestsAreNotDrills()
    {
        await Plan("prod", "orders");
        await Run("prod", "r1", Now.AddDays(-1), Verdict.Pass, 100, 10, verified: ["orders"]);
        await _runs.CreateAsync(new DrillRun("rejected", "prod", 1, "{}", "manual", Now.AddHours(-1)) { Status = RunStatus.Rejected }, [], default);

        Assert.Equal(1, (await Build("prod")).Runs);
    }

    [Fact]
    public async Task Build_PerTargetTimes_AreMediansAndLatest()
    {
        await Plan("prod", "orders");
        await Run("prod", "r1", Now.AddDays(-3), Verdict.Pass, 100, 10, verified: ["orders"], restoreSeconds: 300, verifySeconds: 20);
        await Run("prod", "r2", Now.AddDays(-2), Verdict.Pass, 100, 10, verified: ["orders"], restoreSeconds: 900, verifySeconds: 40);
        await Run("prod", "r3", Now.AddDays(-1), Verdict.Pass, 100, 10, verified: ["orders"], restoreSeconds: 600, verifySeconds: 30);

        var times = Assert.Single((await Build("prod")).Targets);

        Assert.Equal((3, 600d, 30d, 600d, 30d), (times.Restores, times.MedianRestoreSeconds!.Value, times.MedianVerifySeconds!.Value, times.LatestRestoreSeconds!.Value, times.LatestVerifySeconds!.Value));
    }

    [Fact]
    public async Task Build_ListsTheLatestDrillsRunbookGapPerTarget_AndTheTargetsWithNone()
    {
        await Plan("prod", "orders", "ledger");
        await Run("prod", "older", Now.AddDays(-9), Verdict.Pass, 100, 10, verified: ["orders", "ledger"]);
        await Run("prod", "latest", Now.AddDays(-2), Verdict.Pass, 100, 10, verified: ["orders", "ledger"]);
        var orders = await _runs.GetTargetAsync("latest", "orders", default);
        var gap = new DrillRunner.Core.Runs.RunbookGap("orders-prod", [new DrillRunner.Core.Runs.GapItem(DrillRunner.Core.Runs.RunbookSettings.Ttl, "on expiresAt", true)], Now);
        await _runs.SaveTargetAsync(orders with { RunbookGap = gap }, default);

        var report = await Build("prod");

        var listed = Assert.Single(report.RunbookGaps);
        Assert.Equal(new TargetRunbookGap("orders", "orders-prod", "after a restore of orders-prod you must re-enable: TTL on expiresAt", true), listed);
        Assert.Equal(["ledger"], report.RunbookGapNotRecorded);
    }

    [Fact]
    public async Task CostPerMonth_IsTheDrillsPace_AndUnknownAfterOneDrill()
    {
        await Plan("prod", "orders");
        await Run("prod", "first", Now.AddDays(-14), Verdict.Pass, 100, 10, verified: ["orders"]);
        await Costed("first", 1.0);
        var afterOne = await Build("prod");

        await Run("prod", "second", Now.AddDays(-7), Verdict.Pass, 100, 10, verified: ["orders"]);
        await Costed("second", 3.0);
        var afterTwo = await Build("prod");

        // One drill sets no pace (it once read as 30 drills a month); two a week apart cost $2 each on average, weekly.
        Assert.Null(afterOne.CostPerMonthUsd);
        Assert.Equal(2.0 * 30 / 7, afterTwo.CostPerMonthUsd!.Value, 6);
    }

    private async Task Costed(string runId, double usd)
    {
        var run = await _runs.GetAsync(runId, default);
        await _runs.SaveAsync(run with { Cost = new DrillRunner.Core.Runs.RunCost("us-east-1", "2026-12-02", 0, 0, 0, 0, 0, 0, 0, 0, usd, 0, 1) }, default);
    }

    [Fact]
    public async Task Build_NamesTheCopyEachTargetOfTheLatestDrillProved_AndNothingForOthers()
    {
        await Plan("prod", "orders", "ledger");
        await Run("prod", "latest", Now.AddDays(-2), Verdict.Pass, 100, 10, verified: ["orders", "ledger"]);
        var orders = await _runs.GetTargetAsync("latest", "orders", default);
        var copy = new DrillRunner.Core.Runs.ProvenCopy("air-gapped", "arn:aws:backup:eu-central-1:777788889999:backup-vault:air-gapped", "777788889999", "eu-central-1", "arn:aws:backup:eu-west-1:111122223333:backup-vault:prod", Now.AddDays(-3));
        await _runs.SaveTargetAsync(
            orders with
            {
                RecoveryPoint = new DrillRunner.Core.Runs.RecoveryPoint(DrillRunner.Core.Runs.RecoveryPoint.AwsBackup, "rp-copy", Now.AddDays(-3)),
                Backup = new DrillRunner.Core.Runs.BackupRestore(1, 1, null) { Copy = copy },
            },
            default);

        var report = await Build("prod");

        Assert.Equal(new TargetCopyProven("orders", copy.Sentence("rp-copy")), Assert.Single(report.CopiesProven));
    }

    private Task<PlanReport> Build(string plan) => new ReportBuilder(_runs, _plans).BuildAsync(plan, Now.AddDays(-90), Now, default);

    private Task Plan(string name, params string[] targets) =>
        _plans.SaveAsync(name, $$"""
            { "name": "{{name}}", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
              "targets": [ {{string.Join(",", targets.Select(t => $$"""{ "id": "{{t}}", "type": "dynamodb", "tableName": "{{t}}-prod" }"""))}} ] }
            """, Now, default);

    private Task Run(string plan, string runId, DateTimeOffset t0, Verdict verdict, double? rto, double? rpo, string[] verified, double restoreSeconds = 600, double verifySeconds = 30)
    {
        var run = new DrillRun(runId, plan, 1, "{}", "schedule", t0)
        {
            Status = RunStatus.TornDown,
            Verdict = verdict,
            VerdictReason = $"{verdict} reason",
            RtoSeconds = rto,
            RpoSeconds = rpo,
            RtoObjectiveMinutes = 60,
            RpoObjectiveMinutes = 15,
        };
        var targets = verified.Select(id => new TargetRun(runId, id, id + "-prod")
        {
            Stage = TargetStage.Verified,
            RestoreRequestedAt = t0.AddSeconds(10),
            RestoreCompletedAt = t0.AddSeconds(10 + restoreSeconds),
            VerifiedAt = t0.AddSeconds(10 + restoreSeconds + verifySeconds),
        }).ToList();
        return _runs.CreateAsync(run, targets, default);
    }
}
