using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Coverage;

public sealed class SuggestPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheDraft_IsAValidPlan_WithATargetForEveryUndrilledResource_AndCountsFromTheTablesSize()
    {
        var audit = Audit(
            Entry("arn:aws:dynamodb:eu-west-1:111122223333:table/payments-ledger", ScratchKinds.DynamoDbTable, "payments-ledger"),
            Entry("arn:aws:dynamodb:eu-west-1:111122223333:table/audit.log", ScratchKinds.DynamoDbTable, "audit.log", Protection.PointInTimeRecovery),
            Entry("arn:aws:dynamodb:eu-west-1:111122223333:table/sessions", ScratchKinds.DynamoDbTable, "sessions", Protection.AwsBackup),
            Entry("arn:aws:s3:::invoices", ScratchKinds.S3Bucket, "invoices", Protection.AwsBackup),
            Entry("arn:aws:rds:eu-west-1:111122223333:db:reports", ScratchKinds.RdsInstance, "reports", Protection.AutomatedBackups),
            Entry("arn:aws:ec2:eu-west-1:111122223333:volume/vol-1", ScratchKinds.EbsVolume, "uploads (vol-1)", Protection.AwsBackup),
            Entry("arn:aws:dynamodb:eu-west-1:111122223333:table/orders", ScratchKinds.DynamoDbTable, "orders", Protection.PointInTimeRecovery) with { Plans = ["prod"] },
            Entry("arn:aws:dynamodb:eu-west-1:111122223333:table/cache", ScratchKinds.DynamoDbTable, "cache") with { ExcludedBecause = "excluded by plan prod: cache" });

        var draft = SuggestPlan.Draft(audit, "suggested", "drill-", new Dictionary<string, long?> { ["payments-ledger"] = 12_345, ["audit.log"] = 0 });
        var read = PlanReader.Read(draft.ToJsonString());

        Assert.True(read.IsValid, string.Join("; ", read.Problems.Select(p => $"{p.Path} {p.Message}")));
        var plan = read.Plan!;
        Assert.Equal(["payments-ledger", "audit-log", "sessions", "invoices", "reports", "uploads-vol-1"], plan.Targets.Select(t => t.Id));
        var ledger = Assert.IsType<DynamoDbTarget>(plan.Targets[0]);
        Assert.Equal(11_110, ledger.Verification.MinItemCount);
        Assert.Equal(SuggestPlan.SampleSize, ledger.Verification.SampleSize);
        Assert.Null(Assert.IsType<DynamoDbTarget>(plan.Targets[1]).Verification.MinItemCount);
        Assert.Equal("arn:aws:dynamodb:eu-west-1:111122223333:table/sessions", Assert.IsType<AwsBackupTarget>(plan.Targets[2]).ResourceArn);
        Assert.True(Assert.IsType<AwsBackupTarget>(plan.Targets[4]).TcpConnect);
        Assert.Equal(1440, plan.Objectives.RpoMinutes);
        Assert.Equal("./drill-plan.schema.json", draft["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void ConcurrentRestores_AreEnoughForTheDrillsTime()
    {
        Assert.Equal(4, SuggestPlan.ConcurrentRestores(10));
        Assert.Equal(7, SuggestPlan.ConcurrentRestores(100));
        Assert.Equal(50, SuggestPlan.ConcurrentRestores(5_000));
        var tables = Enumerable.Range(0, 100).Select(i => Entry($"arn:aws:dynamodb:eu-west-1:111122223333:table/t{i:D3}", ScratchKinds.DynamoDbTable, $"t{i:D3}", Protection.PointInTimeRecovery)).ToArray();
        var read = PlanReader.Read(SuggestPlan.Draft(Audit(tables), "many", "drill-", new Dictionary<string, long?>()).ToJsonString());
        Assert.True(read.IsValid, string.Join("; ", read.Problems.Select(p => p.Message)));
        Assert.Equal(15, read.Plan!.Objectives.RpoMinutes);
    }

    private static CoverageAudit Audit(params CoverageEntry[] entries) => new("a1", "111122223333", "eu-west-1", Now, Now, CoverageThresholds.Default, entries);

    private static CoverageEntry Entry(string arn, string kind, string name, string? protection = null) =>
        new(arn, kind, name) { Protections = protection is null ? [] : [new Protection(protection, Now.AddMinutes(-5))] };
}

public sealed class CoverageExclusionPlanTests
{
    private const string Plan = """{ "name": "p", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-", "coverage": COVERAGE, "targets": [ { "id": "t", "type": "dynamodb", "tableName": "orders" } ] }""";

    [Fact]
    public void APlan_ListsWhatItLeavesOut_EachWithAReason()
    {
        var plan = PlanReader.Read(Plan.Replace("COVERAGE", """{ "exclude": [ { "resource": "sessions", "reason": "cache" }, { "resource": "arn:aws:s3:::tmp", "reason": "scratch space" } ] }""", StringComparison.Ordinal)).Plan!;

        Assert.Equal([new CoverageExclusion("sessions", "cache"), new CoverageExclusion("arn:aws:s3:::tmp", "scratch space")], plan.CoverageExclusions);
        Assert.True(plan.CoverageExclusions[0].Matches("arn:aws:dynamodb:eu-west-1:111122223333:table/sessions", "sessions"));
        Assert.True(new CoverageExclusion("vol-1", "x").Matches("arn:aws:ec2:eu-west-1:111122223333:volume/vol-1", "uploads (vol-1)"));
        Assert.False(plan.CoverageExclusions[0].Matches("arn:aws:dynamodb:eu-west-1:111122223333:table/sessions-2", "sessions-2"));
    }

    [Theory]
    [InlineData("""{ "exclude": [ { "resource": "sessions" } ] }""", "$.coverage.exclude[0].reason", "is required.")]
    [InlineData("""{ "exclude": [ "sessions" ] }""", "$.coverage.exclude[0]", "must be an object.")]
    [InlineData("""{ "exclude": [ { "resource": "s", "reason": "r", "why": "x" } ] }""", "$.coverage.exclude[0].why", "")]
    [InlineData("""{ "skip": [] }""", "$.coverage.skip", "")]
    public void ABadExclusion_NamesTheFieldAndTheFix(string coverage, string path, string message)
    {
        var problem = Assert.Single(PlanReader.Read(Plan.Replace("COVERAGE", coverage, StringComparison.Ordinal)).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.NotEmpty(problem.Fix);
    }
}
