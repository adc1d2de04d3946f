using DrillRunner.Aws.RunStore;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Aws.Tests;

public sealed class CoverageStoreTests(StandInFixture fixture) : IClassFixture<StandInFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
    private string _table = string.Empty;

    public async Task InitializeAsync() => _table = await fixture.CreateRunsTableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pages_AreKeptOncePerKey_AndAudits_AreFoundAsLatestById_AndByTheirRequest()
    {
        var store = new DynamoDbCoverageStore(fixture.Client, _table, TimeProvider.System);
        var observation = new EstateObservation("arn:aws:dynamodb:eu-west-1:111122223333:table/orders") { Kind = ScratchKinds.DynamoDbTable, Name = "orders", Protection = new Protection(Protection.PointInTimeRecovery, T0) };
        await store.SavePageAsync("a1", "DynamoDbTables#1", [observation], default);
        await store.SavePageAsync("a1", "DynamoDbTables#1", [observation], default);
        await store.SavePageAsync("a1", "S3Buckets#1", [new EstateObservation("arn:aws:s3:::invoices") { Kind = ScratchKinds.S3Bucket, Name = "invoices" }], default);

        var requested = Audit("a1", T0) with { RequestId = "coverage-req-1" };
        await store.SaveAsync(requested, default);
        await store.SaveAsync(Audit("a2", T0.AddHours(1)), default);

        Assert.Equal(["orders", "invoices"], (await store.ReadPagesAsync("a1", default)).Select(o => o.Name));
        Assert.Equal(T0, (await store.ReadPagesAsync("a1", default))[0].Protection!.NewestAt);
        Assert.Equal("a2", (await store.LatestAsync(default))!.AuditId);
        Assert.Equal("a1", (await store.GetByRequestAsync("coverage-req-1", default))!.AuditId);
        Assert.Null(await store.GetByRequestAsync("coverage-req-2", default));
        var read = (await store.GetAsync("a1", default))!;
        Assert.Equal(FindingKind.NotProtected, Assert.Single(Assert.Single(read.Resources).Findings).Kind);
        Assert.Null(await store.GetAsync("a3", default));
    }

    private static CoverageAudit Audit(string id, DateTimeOffset at)
    {
        var bucket = new CoverageEntry("arn:aws:s3:::invoices", ScratchKinds.S3Bucket, "invoices") { Plans = ["p"] };
        return new CoverageAudit(id, "111122223333", "eu-west-1", at, at, CoverageThresholds.Default, [bucket with { Findings = [new Finding(FindingKind.NotProtected, "s", "f")] }]);
    }
}
