using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Relations;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Relations;

public sealed class CheckRelationsTests
{
    private const string RunId = "r-1";
    private readonly InMemoryRunStore _runs = new();
    private readonly FakeRelationReader _reader = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static string Plan(string relations) => $$"""
        { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
          "targets": [
            { "id": "orders", "type": "dynamodb", "tableName": "orders-prod" },
            { "id": "customers", "type": "dynamodb", "tableName": "customers-prod" },
            { "id": "invoices", "type": "aws-backup", "resourceArn": "arn:aws:s3:::invoices-prod" }
          ],
          "relations": [ {{relations}} ] }
        """;

    private const string OrderCustomer = """{ "id": "order-customer", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" }, "sampleSize": 1000 }""";

    private async Task<DrillRun> CheckAsync(string relations, int orders, Func<int, Dictionary<string, KeyValue>> order, int customers = 100, TargetFailure? customersFailed = null)
    {
        Assert.True(PlanReader.Read(Plan(relations)).IsValid, string.Join("\n", PlanReader.Read(Plan(relations)).Problems));
        _reader.Tables["drill-orders"] = Enumerable.Range(0, orders).Select(order).ToList();
        _reader.Tables["drill-customers"] = Enumerable.Range(0, customers).Select(i => FakeRelationReader.Item($"C-{i}")).ToList();
        _reader.Keys["drill-customers"] = new TableKey("pk", IsNumber: false, HasSortKey: false);
        _reader.Buckets["drill-invoices"] = ["inv/1.pdf", "inv/2.pdf"];
        TargetRun Verified(string id, long count) => new(RunId, id, id + "-prod")
        {
            Stage = TargetStage.Verified,
            Scratch = new ScratchResource($"drill-{id}", null, true),
            Verification = new VerificationResult(count, null, null, null, 0, [], 0, 0, []),
        };
        var targets = new List<TargetRun>
        {
            Verified("orders", orders),
            customersFailed is null ? Verified("customers", customers) : new TargetRun(RunId, "customers", "customers-prod") { Stage = TargetStage.Failed, Failure = customersFailed },
            new(RunId, "invoices", "invoices-prod") { Stage = TargetStage.Verified, Scratch = new ScratchResource("drill-invoices", null, true), Bucket = new BucketCheck(new BucketCount(2, 10, null, true), null) },
        };
        await _runs.CreateAsync(new DrillRun(RunId, "prod", 1, Plan(relations), "test", _time.GetUtcNow()), targets, CancellationToken.None);

        await new CheckRelations(_runs, _reader, _reader, _time, new Random(5)).ExecuteAsync(new RunRef(RunId), CancellationToken.None);
        return await _runs.GetAsync(RunId, CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_DanglingReferences_FailTheRelationWithCountsAndUpToFiveExamples()
    {
        // Orders 0..1999 name customers C-0..C-99 except every 100th, which names a customer the restore lacks.
        var run = await CheckAsync(OrderCustomer, 2000, i => FakeRelationReader.Item($"O-{i}", "customerId", i % 100 == 0 ? $"GONE-{i}" : $"C-{i % 100}"));

        var result = Assert.Single(run.Relations);
        Assert.True(result.Checked);
        Assert.False(result.Passed);
        Assert.Equal(1000, result.References);
        Assert.InRange(result.Dangling, 6, 20);
        Assert.Equal(RelationDefaults.Examples, result.Examples.Count);
        Assert.All(result.Examples, e => Assert.StartsWith("GONE-", e, StringComparison.Ordinal));
        Assert.NotNull(result.Seed);
        Assert.Equal(1000, result.SampleSize);
        Assert.Equal(
            $"{result.Dangling} of 1,000 sampled orders items name a customers item that is not in the restored customers table (orders.customerId → customers.pk); e.g. {string.Join(", ", result.Examples)}",
            result.Why);
    }

    [Fact]
    public async Task ExecuteAsync_EveryReferenceFound_PassesAndSaysHowManyWereChecked()
    {
        var run = await CheckAsync(OrderCustomer, 300, i => FakeRelationReader.Item($"O-{i}", "customerId", $"C-{i % 100}"));

        var result = Assert.Single(run.Relations);
        Assert.True(result.Passed);
        Assert.True(result.WholeTable);
        Assert.Equal(0, result.Dangling);
        Assert.Equal("all 300 orders items (the whole table) name an item in the restored customers table (orders.customerId → customers.pk)", result.Why);
    }

    [Fact]
    public async Task ExecuteAsync_HashExamples_ShowsHashesSaltedByTheRunInsteadOfTheValues()
    {
        var relation = OrderCustomer.Replace("\"sampleSize\": 1000", "\"hashExamples\": true", StringComparison.Ordinal);

        var run = await CheckAsync(relation, 10, i => FakeRelationReader.Item($"O-{i}", "customerId", i == 3 ? "SECRET-CUSTOMER" : "C-1"));

        var result = Assert.Single(run.Relations);
        var example = Assert.Single(result.Examples);
        Assert.True(result.ExamplesHashed);
        Assert.Equal(RelationText.Example("SECRET-CUSTOMER", hash: true, RunId), example);
        Assert.Matches("^[0-9a-f]{16}$", example);
        Assert.DoesNotContain("SECRET", result.Why, StringComparison.Ordinal);
        Assert.NotEqual(RelationText.Example("SECRET-CUSTOMER", hash: true, "another-run"), example);
    }

    [Fact]
    public async Task ExecuteAsync_ItemsLackingTheAttribute_AreCountedAsMissingAndSaid()
    {
        var run = await CheckAsync(OrderCustomer, 10, i => i < 4 ? FakeRelationReader.Item($"O-{i}") : FakeRelationReader.Item($"O-{i}", "customerId", "C-1"));

        var result = Assert.Single(run.Relations);
        Assert.True(result.Passed);
        Assert.Equal(4, result.MissingAttribute);
        Assert.Equal(6, result.References);
        Assert.EndsWith("; 4 lack the attribute 'customerId' (counted as missing, not checked)", result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_AnAttributeNoSampledItemHas_FailsWithASentenceNamingItsPath()
    {
        var run = await CheckAsync(OrderCustomer.Replace("customerId", "custId", StringComparison.Ordinal), 10, i => FakeRelationReader.Item($"O-{i}", "customerId", "C-1"));

        var result = Assert.Single(run.Relations);
        Assert.True(result.FailsDrill);
        Assert.Equal(10, result.MissingAttribute);
        Assert.Equal("none of the 10 orders items (the whole table) has the attribute 'custId' ($.relations[0].from.attribute) as a string or number: check its spelling, or whether the restore lost it", result.Why);
    }

    [Fact]
    public async Task ExecuteAsync_AKeyThatIsNotThePartitionKey_FailsNamingTheRealOne()
    {
        var run = await CheckAsync(OrderCustomer.Replace("\"key\": \"pk\"", "\"key\": \"id\"", StringComparison.Ordinal), 10, i => FakeRelationReader.Item($"O-{i}", "customerId", "C-1"));

        Assert.Equal("'id' ($.relations[0].to.key) is not the partition key of the restored customers table, which is 'pk'; correct the plan", Assert.Single(run.Relations).Why);
    }

    [Fact]
    public async Task ExecuteAsync_ATargetThatFailedToRestore_LeavesTheRelationNotCheckedWithWhy_AndNoSecondFailure()
    {
        var run = await CheckAsync(OrderCustomer, 10, i => FakeRelationReader.Item($"O-{i}", "customerId", "C-1"), customersFailed: new TargetFailure("RecoveryPointNotFound", "no recovery point", false));

        var result = Assert.Single(run.Relations);
        Assert.False(result.Checked);
        Assert.Equal("target 'customers' failed (no recovery point)", result.Why);
        var judgement = RunJudge.Judge(run, await _runs.GetTargetsAsync(RunId, CancellationToken.None));
        Assert.DoesNotContain("relation", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ObjectKeys_AreLookedUpInTheRestoredBucket()
    {
        const string relation = """{ "id": "order-invoice", "from": { "target": "orders", "attribute": "invoiceKey" }, "to": { "target": "invoices", "objectKey": true } }""";

        var run = await CheckAsync(relation, 4, i => FakeRelationReader.Item($"O-{i}", "invoiceKey", $"inv/{i}.pdf"));

        var result = Assert.Single(run.Relations);
        Assert.Equal(2, result.Dangling);
        Assert.Equal(["inv/0.pdf", "inv/3.pdf"], result.Examples.Order(StringComparer.Ordinal));
        Assert.Contains("2 of 4 orders items (the whole table) name an object that is not in the restored invoices bucket", result.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, true, "orders has 1,000 items for 100 customers items: 10 per customers item, at least the 10 the plan requires")]
    [InlineData(11, false, "orders has 1,000 items for 100 customers items: 10 per customers item, fewer than the 11 the plan requires")]
    public async Task ExecuteAsync_ACountRatio_ComparesTheVerifiedCounts(int atLeast, bool passes, string why)
    {
        var run = await CheckAsync($$"""{ "id": "per", "countRatio": { "target": "orders", "atLeast": {{atLeast}}, "per": "customers" } }""", 1000, i => FakeRelationReader.Item($"O-{i}"));

        var result = Assert.Single(run.Relations);
        Assert.Equal(passes, result.Passed);
        Assert.Equal(why, result.Why);
        Assert.Empty(_reader.SegmentReads);
    }

    [Fact]
    public async Task Judge_ADanglingReference_IsAFailWithTheRelationsSentence()
    {
        var run = await CheckAsync(OrderCustomer, 10, i => FakeRelationReader.Item($"O-{i}", "customerId", i == 0 ? "GONE" : "C-1"));
        var healthy = run with { HealthyAt = run.StartedAt.AddMinutes(30), RtoObjectiveMinutes = 60, RpoObjectiveMinutes = 15 };
        var targets = (await _runs.GetTargetsAsync(RunId, CancellationToken.None)).Select(t => t with { RecoveryPoint = new RecoveryPoint("pitr", null, run.StartedAt.AddMinutes(-5)) }).ToList();

        var judgement = RunJudge.Judge(healthy, targets);

        Assert.Equal(Verdict.Fail, judgement.Verdict);
        Assert.Equal("relation 'order-customer' does not hold: 1 of 10 orders items (the whole table) name a customers item that is not in the restored customers table (orders.customerId → customers.pk); e.g. GONE", judgement.Reason);
        Assert.Equal(Verdict.Pass, RunJudge.Judge(healthy with { Relations = [] }, targets).Verdict);
    }
}
