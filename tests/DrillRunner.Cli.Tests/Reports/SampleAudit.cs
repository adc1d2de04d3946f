using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Tests.Reports;

/// <summary>An audit judged by the real judges with every finding in it, for the report's and the command's tests.</summary>
internal static class SampleAudit
{
    public const string Account = "111122223333";
    public const string Region = "eu-west-1";

    private static readonly AuditScope Scope = new("aws", Region, Account);

    /// <summary>
    /// ledger: unprotected, in no plan, owned by stack shop with no guard (lost for good with it); carts: PITR on, owned
    /// without a guard, its recovery point in an unlocked vault; uploads: a stale backup and a failing drill.
    /// <paramref name="required"/> is what they must survive (default: everything, so no finding is advisory).
    /// </summary>
    public static CoverageAudit WithEveryFinding(DateTimeOffset now, IReadOnlyList<SurvivalEvent>? required = null)
    {
        var unprotected = new CoverageEntry(Scope.TableArn("ledger"), ScratchKinds.DynamoDbTable, "ledger") { PitrEnabled = false };
        var unguarded = new CoverageEntry(Scope.TableArn("carts"), ScratchKinds.DynamoDbTable, "carts")
        {
            PitrEnabled = true,
            Protections = [new Protection(Protection.PointInTimeRecovery, now.AddMinutes(-5))],
            Plans = ["shop"],
            LastPassAt = now.AddDays(-1),
        };
        var failing = new CoverageEntry($"arn:aws:ec2:{Region}:{Account}:volume/vol-1", ScratchKinds.EbsVolume, "uploads (vol-1)")
        {
            Protections = [new Protection(Protection.AwsBackup, now.AddHours(-30))],
            Plans = ["shop"],
            LastDrill = new LastDrill("shop", "run-1", now.AddDays(-1), Verdict.Fail, "the restore job failed", null, null),
        };
        var vault = new VaultSeen("main", $"arn:aws:backup:{Region}:{Account}:backup-vault:main", false, null, null, "BACKUP_VAULT");
        var observations = new Dictionary<string, EstateObservation[]>
        {
            [unprotected.Arn] = [Owned(unprotected, "Ledger")],
            [unguarded.Arn] = [Owned(unguarded, "Carts"), new(unguarded.Arn) { Copy = new CopySeen(CopyKind.RecoveryPoint, vault.Arn, Account, Region, now.AddHours(-3), $"{vault.Arn}:rp-1") }],
            [failing.Arn] = [new(failing.Arn) { Copy = new CopySeen(CopyKind.CopyJob, $"arn:aws:backup:eu-central-1:444455556666:backup-vault:dr", "444455556666", "eu-central-1", now.AddHours(-30), null) }],
        };
        CoverageEntry[] entries = [unprotected, unguarded, failing];
        return new CoverageAudit("audit-1", Account, Region, now, now, CoverageThresholds.Default, [.. entries.Select(e => Judged(e, observations[e.Arn], vault, now, required ?? [SurvivalEvent.Stack, SurvivalEvent.Account, SurvivalEvent.Region]))]);
    }

    private static CoverageEntry Judged(CoverageEntry entry, EstateObservation[] observations, VaultSeen vault, DateTimeOffset now, IReadOnlyList<SurvivalEvent> required)
    {
        var survival = JudgeSurvival.Of(entry, observations, new Dictionary<string, string>(), new Dictionary<string, VaultSeen> { [vault.Arn] = vault }, Scope, now) with { Required = required };
        var judged = entry with { Survival = survival };
        return judged with { Findings = [.. JudgeCoverage.Judge(judged, now, CoverageThresholds.Default), .. JudgeSurvival.Findings(judged, survival, Scope)] };
    }

    private static EstateObservation Owned(CoverageEntry entry, string logicalId) =>
        new(entry.Arn) { Owner = new StackOwner("shop", $"arn:aws:cloudformation:{Region}:{Account}:stack/shop/1", logicalId, "AWS::DynamoDB::Table") };
}
