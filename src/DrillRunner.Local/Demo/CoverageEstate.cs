using Amazon.DynamoDBv2;
using DrillRunner.Core.Capacity;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.RunbookGaps;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Demo;

/// <summary>
/// An estate where the coverage audit has something to find, beside the demo shop's drilled
/// tables: a ledger table with no PITR and no backup, a reporting database without automated
/// backups, an uploads volume whose newest backup is 3 days old, an invoice bucket and an audit-log
/// table no plan names, a billing database whose plan's latest drill failed, a sessions cache the
/// demo plan excludes, and a scratch volume a stopped drill left behind.
/// </summary>
public static class CoverageEstate
{
    public const string UnprotectedTable = "payments-ledger";
    public const string UndrilledTable = "shop-audit-log";
    public const string ExcludedTable = "shop-sessions";
    public const string ExcludedReason = "cache: the app rebuilds it from shop-orders on start";
    public const string UnprotectedDatabase = "reporting-db";
    public const string StaleVolume = "vol-0a1b2c3d4e5f67890";
    public const string StaleVolumeName = "shop-uploads";
    public const string ScratchVolume = "vol-0feedfacecafe0001";
    public const string BillingPlan = "billing";

    /// <summary>How old the uploads volume's newest backup is.</summary>
    public static readonly TimeSpan StaleBackupAge = TimeSpan.FromDays(3);

    /// <summary>The tables (kept by dynalite with the store) and the billing plan's drill history.</summary>
    /// <param name="scenario">The demo shop's scenario beside it: when it drills the invoice bucket and the billing database, they are its own.</param>
    public static async Task<DateTimeOffset> SeedAsync(LocalDrillEnvironment environment, DemoScenario scenario, TimeProvider time, Action<string> progress, CancellationToken cancellationToken)
    {
        var seededAt = time.GetUtcNow();
        IAmazonDynamoDB db = environment.DynamoDb;
        foreach (var table in new[] { UnprotectedTable, UndrilledTable, ExcludedTable })
        {
            await TableWaits.CreateKeyedTableAsync(db, table, cancellationToken);
        }

        await DemoData.EnablePitrAsync(db, UndrilledTable, cancellationToken);
        await environment.ApplyPlanAsync(BillingPlanJson, time, cancellationToken);
        await WriteBillingRunAsync(environment, "billing-seeded-pass", seededAt.AddDays(-12), null, cancellationToken);
        await WriteBillingRunAsync(environment, "billing-seeded-fail", seededAt.AddDays(-5), "the verifier found 2 of 3 billing tables: invoice_lines is missing from the snapshot", cancellationToken);
        SeedWorld(environment, scenario, seededAt);
        var invoices = scenario.DrillsAwsBackup ? $"plan '{DemoPlan.Name}' drills it" : "in no plan";
        var billing = scenario.DrillsAwsBackup ? $"plan '{DemoPlan.Name}' drills it too" : "its last PASS 12 days ago";
        progress($"coverage estate: {UnprotectedTable} (no PITR, no backup), {UndrilledTable} (PITR, in no plan), {ExcludedTable} (excluded by the demo plan), " +
            $"{UnprotectedDatabase} (no automated backups), {StaleVolumeName} (newest backup {StaleBackupAge.TotalDays:0} days old), {DemoPlan.InvoiceBucket} ({invoices}), " +
            $"{DemoPlan.BillingDatabase} (plan '{BillingPlan}': last drill FAIL; {billing}), a scratch volume left by a stopped drill");
        return seededAt;
    }

    /// <summary>
    /// The part of the estate that lives only in the local AWS world and S3 (not kept on disk):
    /// seeded again each time the local store opens, with the same ages. The invoice bucket and the
    /// billing database are left to the demo shop's scenario when it drills them (its own objects and recovery points).
    /// </summary>
    public static void SeedWorld(LocalDrillEnvironment environment, DemoScenario scenario, DateTimeOffset seededAt)
    {
        var aws = environment.Aws;
        if (!scenario.DrillsAwsBackup)
        {
            environment.S3.CreateBucket(DemoPlan.InvoiceBucket).Put("2026/11/INV-000001.pdf", 41_000);
            aws.AddRecoveryPoint(DemoPlan.InvoiceBucketArn, seededAt.AddHours(-2));
            aws.AddSource(ScratchKinds.RdsInstance, DemoPlan.BillingDatabase);
            aws.AddRecoveryPoint(DemoPlan.BillingDatabaseArn, seededAt.AddHours(-1));
        }

        var reporting = aws.AddSource(ScratchKinds.RdsInstance, UnprotectedDatabase);
        aws.Resource(reporting)!.BackupRetentionDays = 0;
        var uploads = aws.AddSource(ScratchKinds.EbsVolume, StaleVolume, new Dictionary<string, string> { [TeardownGuard.NameTag] = StaleVolumeName });
        aws.AddRecoveryPoint(uploads, seededAt - StaleBackupAge);
        aws.AddRestored(ScratchKinds.EbsVolume, ScratchVolume, new Dictionary<string, string>
        {
            [TeardownGuard.NameTag] = $"{DemoPlan.ScratchPrefix}20261130-030000-dead-uploads",
            [TeardownGuard.RunIdTag] = "20261130-030000-dead",
        });
    }

    /// <summary>
    /// A past drill of the billing plan: a PASS, or a FAIL for <paramref name="failure"/>. Like a real
    /// one it records its cost (the runner's estimate) and, once verified, its runbook gap (for a
    /// database, what AWS documents its restore never carries).
    /// </summary>
    private static async Task WriteBillingRunAsync(LocalDrillEnvironment environment, string runId, DateTimeOffset t0, string? failure, CancellationToken cancellationToken)
    {
        var verifiedAt = failure is null ? t0.AddMinutes(26) : (DateTimeOffset?)null;
        var target = new TargetRun(runId, "billing-db", DemoPlan.BillingDatabase)
        {
            Stage = failure is null ? TargetStage.Verified : TargetStage.Failed,
            RestoreRequestedAt = t0.AddSeconds(30),
            RestoreCompletedAt = t0.AddMinutes(24),
            VerifiedAt = verifiedAt,
            Polls = 7,
            Failure = failure is null ? null : new TargetFailure(nameof(Core.Errors.VerificationFailed), failure, false),
            RunbookGap = verifiedAt is { } at ? new RunbookGap(DemoPlan.BillingDatabase, CompareWithSource.Documented(RestoreKinds.RdsInstance), at) : null,
        };
        var concludedAt = t0.AddMinutes(28);
        var run = new DrillRun(runId, BillingPlan, 1, BillingPlanJson, "schedule", t0)
        {
            Cost = DrillCost.Estimate([target], _ => true, concludedAt, null),
            ConcludedAt = concludedAt,
            Status = RunStatus.TornDown,
            TargetIds = [target.TargetId],
            RtoObjectiveMinutes = 60,
            RpoObjectiveMinutes = 1440,
            Verdict = failure is null ? Verdict.Pass : Verdict.Fail,
            VerdictReason = failure is null ? "all 1 target(s) restored, verified and healthy" : $"billing-db: {failure}",
            RtoSeconds = failure is null ? 26 * 60 : null,
            RpoSeconds = failure is null ? 3 * 3600 : null,
        };
        await environment.Services.Runs.CreateAsync(run, [target], cancellationToken);
    }

    /// <summary>A plan that drills the billing database through AWS Backup.</summary>
    public static string BillingPlanJson => $$"""
        {
          "name": "{{BillingPlan}}",
          "objectives": { "rtoMinutes": 60, "rpoMinutes": 1440 },
          "scratchPrefix": "{{DemoPlan.ScratchPrefix}}",
          "targets": [
            { "id": "billing-db", "type": "aws-backup", "resourceArn": "{{DemoPlan.BillingDatabaseArn}}", "maxRecoveryPointAgeHours": 26, "verification": { "tcpConnect": true } }
          ]
        }
        """;
}
