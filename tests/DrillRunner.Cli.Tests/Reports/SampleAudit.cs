using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Tests.Reports;

/// <summary>An audit judged by the real judge with every finding in it, for the report's tests.</summary>
internal static class SampleAudit
{
    public static CoverageAudit WithEveryFinding(DateTimeOffset now)
    {
        var unprotected = new CoverageEntry("arn:aws:dynamodb:eu-west-1:1:table/ledger", ScratchKinds.DynamoDbTable, "ledger");
        var failing = new CoverageEntry("arn:aws:ec2:eu-west-1:1:volume/vol-1", ScratchKinds.EbsVolume, "uploads (vol-1)")
        {
            Protections = [new Protection(Protection.AwsBackup, now.AddHours(-30))],
            Plans = ["shop"],
            LastDrill = new LastDrill("shop", "run-1", now.AddDays(-1), Verdict.Fail, "the restore job failed", null, null),
        };
        CoverageEntry[] entries = [unprotected, failing];
        return new CoverageAudit("audit-1", "111122223333", "eu-west-1", now, now, CoverageThresholds.Default, [.. entries.Select(e => e with { Findings = JudgeCoverage.Judge(e, now, CoverageThresholds.Default) })]);
    }
}
