using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static DrillRunner.Core.Tests.Coverage.Survival.SurvivalEstate;

namespace DrillRunner.Core.Tests.Coverage.Survival;

/// <summary>What a resource must survive (its plans' survival.require, else the stack's), and what advisory findings do and do not do.</summary>
public sealed class SurvivalRequirementTests
{
    private readonly InMemoryCoverageStore _store = new();
    private readonly InMemoryPlanStore _plans = new();
    private readonly InMemoryRunStore _runs = new();

    [Fact]
    public async Task AResourceInNoPlan_MustSurviveWhatTheStackRequires_TheRestIsShownNotFailed()
    {
        await SeeAsync("shop-orders", "shop-carts", "billing");

        var audit = await JudgeAsync(CoverageThresholds.Default);
        var orders = audit.Resources.Single(r => r.Name == "shop-orders");

        Assert.Equal([SurvivalEvent.Stack], orders.Survival!.Required);
        Assert.False(orders.Findings.Single(f => f.Kind == FindingKind.StackDeleteLosesData).Advisory);
        Assert.True(orders.Findings.Single(f => f.Kind == FindingKind.NoCopyOutsideAccount).Advisory);
        Assert.Equal(FindingKind.NotProtected, audit.Worst);
        Assert.Equal(2, audit.Count(FindingKind.StackDeleteLosesData));
        Assert.Equal(0, audit.Count(FindingKind.NoCopyOutsideAccount));
        Assert.Equal(3, audit.CountAdvisory(FindingKind.NoCopyOutsideAccount));
        Assert.Contains("NO_COPY_OUTSIDE_ACCOUNT (advisory)", audit.Summary(), StringComparison.Ordinal);
        Assert.True(audit.Findings.SkipWhile(f => !f.Finding.Advisory).All(f => f.Finding.Advisory), "advisory findings come after the required ones");
    }

    [Fact]
    public async Task TheHeadline_LeadsWithWhatTheStacksDeletionWouldLoseForGood()
    {
        await SeeAsync("shop-orders", "shop-carts", "billing");

        var audit = await JudgeAsync(CoverageThresholds.Default);

        Assert.StartsWith("2 DynamoDB tables would be lost for good if stack shop were deleted: shop-carts, shop-orders; 0 of 3 resources are drilled", audit.Headline(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNothingRequired_EverySurvivalFindingIsAdvisory_AndNothingFails()
    {
        await SeeAsync("shop-orders");
        await _plans.SaveAsync("shop", PlanJson("shop", "shop-orders", "\"survival\": { \"require\": [] },"), Now, default);

        var audit = await JudgeAsync(CoverageThresholds.Default);
        var orders = Assert.Single(audit.Resources);

        Assert.Empty(orders.Survival!.Required);
        Assert.All(orders.Findings.Where(f => f.Kind is FindingKind.StackDeleteLosesData or FindingKind.NoCopyOutsideAccount or FindingKind.NoCopyOutsideRegion), f => Assert.True(f.Advisory));
        Assert.Equal(0, audit.Count(FindingKind.StackDeleteLosesData));
        Assert.Equal(1, audit.CountAdvisory(FindingKind.StackDeleteLosesData));
        Assert.Equal(FindingKind.NotProtected, audit.Worst);
    }

    [Fact]
    public async Task AResourcesPlans_RequireTheUnionOfWhatEachAsks_APlanWithoutSurvivalAskingTheStacks()
    {
        await SeeAsync("shop-orders");
        await _plans.SaveAsync("a", PlanJson("a", "shop-orders", "\"survival\": { \"require\": [\"region\"] },"), Now, default);
        await _plans.SaveAsync("b", PlanJson("b", "shop-orders", string.Empty), Now, default);

        var audit = await JudgeAsync(CoverageThresholds.Default with { SurvivalRequired = [SurvivalEvent.Account] });
        var orders = Assert.Single(audit.Resources);

        Assert.Equal([SurvivalEvent.Account, SurvivalEvent.Region], orders.Survival!.Required);
        Assert.True(orders.Findings.Single(f => f.Kind == FindingKind.StackDeleteLosesData).Advisory);
        Assert.False(orders.Findings.Single(f => f.Kind == FindingKind.NoCopyOutsideRegion).Advisory);
        Assert.True(audit.Fails(FindingKind.NoCopyOutsideRegion));
    }

    [Fact]
    public void SurvivalRequire_IsReadFromAPlan_AndBadValuesAreRefusedWithThePathAndTheAllowedValues()
    {
        var good = PlanReader.Read(PlanJson("p", "orders", "\"survival\": { \"require\": [\"region\", \"stack\"] },"));
        var twice = PlanReader.Read(PlanJson("p", "orders", "\"survival\": { \"require\": [\"region\", \"stack\", \"region\"] },"));
        var nearMiss = PlanReader.Read(PlanJson("p", "orders", "\"survival\": { \"require\": [\"stak\"] },"));
        var bad = PlanReader.Read(PlanJson("p", "orders", "\"survival\": { \"require\": [\"stack\", \"az\"] },"));
        var missing = PlanReader.Read(PlanJson("p", "orders", "\"survival\": { \"requires\": [\"stack\"] },"));

        Assert.Equal([SurvivalEvent.Stack, SurvivalEvent.Region], good.Plan!.SurvivalRequired);
        Assert.Null(PlanReader.Read(PlanJson("p", "orders", string.Empty)).Plan!.SurvivalRequired);
        var problem = Assert.Single(bad.Problems);
        Assert.Equal("$.survival.require[1]", problem.Path);
        Assert.Contains("\"az\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("stack, account, region", problem.Fix, StringComparison.Ordinal);
        Assert.Contains(missing.Problems, p => p.Path == "$.survival.require" && p.Message == "is required.");
        Assert.Contains(missing.Problems, p => p.Path == "$.survival.requires");
        Assert.Equal(("$.survival.require[2]", "give each event once."), (Assert.Single(twice.Problems).Path, twice.Problems[0].Fix));
        Assert.Contains("(did you mean \"stack\"?)", Assert.Single(nearMiss.Problems).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stack", new[] { SurvivalEvent.Stack })]
    [InlineData("region,stack,account", new[] { SurvivalEvent.Stack, SurvivalEvent.Account, SurvivalEvent.Region })]
    [InlineData("none", new SurvivalEvent[0])]
    public void TheStacksParameter_ParsesToTheEvents(string text, SurvivalEvent[] expected) =>
        Assert.Equal(expected, SurvivalEvents.ParseList(text));

    [Theory]
    [InlineData("")]
    [InlineData("stack,")]
    [InlineData("Stack")]
    [InlineData("az")]
    public void TheStacksParameter_RefusesAnythingElse(string text) =>
        Assert.Null(SurvivalEvents.ParseList(text));

    /// <summary>Tables owned by stack shop without a guard, PITR or copy; any other table owned by nobody.</summary>
    private async Task SeeAsync(params string[] tables)
    {
        var observations = new List<EstateObservation>();
        foreach (var name in tables)
        {
            var table = Table(name);
            observations.Add(new EstateObservation(table.Arn) { Kind = ScratchKinds.DynamoDbTable, Name = name, PitrEnabled = false });
            if (name.StartsWith("shop-", StringComparison.Ordinal))
            {
                observations.Add(Owned(table, null, name));
            }
        }

        await _store.SavePageAsync("audit-1", "page-1", observations, default);
    }

    private Task<CoverageAudit> JudgeAsync(CoverageThresholds thresholds) =>
        new JudgeCoverage(_plans, _runs, _store, new FakeTimeProvider(Now)).ExecuteAsync("audit-1", Scope, Now, thresholds, new RunnerResources("DrillRuns", "drill-"), default);

    private static string PlanJson(string name, string table, string extra) => $$"""
        { "name": "{{name}}", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-", {{extra}}
          "targets": [ { "id": "t", "type": "dynamodb", "tableName": "{{table}}" } ] }
        """;
}
