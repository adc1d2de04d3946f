using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Selection;
using DrillRunner.Core.Tests.Fakes;
using DrillRunner.Core.Tests.Plans;

namespace DrillRunner.Core.Tests.Selection;

public sealed class ResolveSelectionTests
{
    private static readonly SelectionScope Scope = SelectionScope.Of("DrillRunner-Runs", null);

    [Fact]
    public async Task Tags_Equals_SelectsOnlyTablesWithTheTag_AndGivesThemTheRulesDefaults()
    {
        var account = new FakeSelectableResources()
            .Table("shop-orders", ("app", "shop"))
            .Table("shop-carts", ("app", "shop"))
            .Table("billing", ("app", "billing"))
            .Table("untagged");

        var outcome = await ResolveAsync(SelectionPlans.With(SelectionPlans.ShopTables), account);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["shop-carts", "shop-orders"], outcome.Plan!.Targets.Select(t => t.SourceName));
        var target = Assert.IsType<DynamoDbTarget>(outcome.Plan.Targets[0]);
        Assert.Equal(2, target.Verification.TolerancePercentOfSource);
        Assert.Equal(5, target.Verification.SampleSize);
        Assert.All(outcome.Selection.Selected, s => Assert.Equal("shop-tables", s.RuleId));
        Assert.Empty(outcome.Plan.Selection);
        Assert.DoesNotContain("\"select\"", outcome.PlanJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_NotEquals_LeavesOutTheValue_AndKeepsResourcesWithoutTheTag()
    {
        var account = new FakeSelectableResources()
            .Table("tbl-a", ("app", "shop"), ("env", "dev"))
            .Table("tbl-b", ("app", "shop"), ("env", "prod"))
            .Table("tbl-c", ("app", "shop"));

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "r", "type": "dynamodb", "tags": [ { "key": "app", "equals": "shop" }, { "key": "env", "notEquals": "dev" } ] }"""), account);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["tbl-b", "tbl-c"], outcome.Plan!.Targets.Select(t => t.SourceName));
    }

    [Fact]
    public async Task NamePattern_Alone_SelectsByName_WithoutReadingAnyTags()
    {
        var account = new FakeSelectableResources().Table("shop-orders").Table("shop-carts").Table("shopping");

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "r", "type": "dynamodb", "namePattern": "shop-*" }"""), account);

        Assert.Equal(["shop-carts", "shop-orders"], outcome.Plan!.Targets.Select(t => t.SourceName));
        Assert.Equal(0, account.Describes);
    }

    [Fact]
    public async Task PatternAndTags_Combined_BothMustHold()
    {
        var account = new FakeSelectableResources().Table("shop-orders", ("app", "shop")).Table("shop-logs", ("app", "logs")).Table("orders", ("app", "shop"));

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "r", "type": "dynamodb", "namePattern": "shop-*", "tags": [ { "key": "app", "equals": "shop" } ] }"""), account);

        Assert.Equal("shop-orders", Assert.Single(outcome.Plan!.Targets).SourceName);
    }

    [Fact]
    public async Task Kind_AwsBackupBuckets_ListsBucketsNotTables_AndNamesThemByArn()
    {
        var account = new FakeSelectableResources().Bucket("shop-media").Table("shop-orders");

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "b", "type": "aws-backup", "resourceType": "S3", "namePattern": "shop-*", "verification": { "minObjectCount": 1 } }"""), account);

        var target = Assert.IsType<AwsBackupTarget>(Assert.Single(outcome.Plan!.Targets));
        Assert.Equal("arn:aws:s3:::shop-media", target.ResourceArn);
        Assert.Equal(1, target.Bucket.MinObjectCount);
    }

    [Fact]
    public async Task Kind_AwsBackupTables_NamesTheTableByItsArn()
    {
        var account = new FakeSelectableResources().Table("shop-orders");

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "t", "type": "aws-backup", "resourceType": "DynamoDB", "namePattern": "shop-*" }"""), account);

        Assert.Equal("arn:aws:dynamodb:eu-west-1:111122223333:table/shop-orders", Assert.IsType<AwsBackupTarget>(Assert.Single(outcome.Plan!.Targets)).ResourceArn);
    }

    [Fact]
    public async Task Exclusions_ScratchRunnerTableAndCoverageExclude_AreLeftOutAndRecordedWithTheirReason()
    {
        var account = new FakeSelectableResources()
            .Table("shop-orders", ("app", "shop"))
            .Table("drill-r1-shop-orders", ("app", "shop"))
            .Table("DrillRunner-Runs", ("app", "shop"))
            .Table("shop-cache", ("app", "shop"));
        var extra = """ "coverage": { "exclude": [ { "resource": "shop-cache", "reason": "rebuilt from orders" } ] }, """;

        var outcome = await ResolveAsync(SelectionPlans.With(SelectionPlans.ShopTables, extra: extra), account);

        Assert.Equal("shop-orders", Assert.Single(outcome.Plan!.Targets).SourceName);
        Assert.Equal(
            [("DrillRunner-Runs", LeftOutReasons.Runner), ("drill-r1-shop-orders", LeftOutReasons.Scratch), ("shop-cache", LeftOutReasons.CoverageExclude)],
            outcome.Selection.LeftOut.Select(l => (l.Resource, l.Reason)).OrderBy(x => x.Resource, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExplicitTarget_OverridesTheSelectedOne_WithItsOwnSettings()
    {
        var account = new FakeSelectableResources().Table("shop-orders", ("app", "shop")).Table("shop-carts", ("app", "shop"));
        var explicitTarget = """{ "id": "orders", "type": "dynamodb", "tableName": "shop-orders", "verification": { "sampleSize": 99 } }""";

        var outcome = await ResolveAsync(SelectionPlans.With(SelectionPlans.ShopTables, explicitTarget), account);

        Assert.Equal(["orders", "shop-carts"], outcome.Plan!.Targets.Select(t => t.Id));
        Assert.Equal(99, outcome.Plan.TableTarget("orders").Verification.SampleSize);
        var overridden = Assert.Single(outcome.Selection.LeftOut);
        Assert.Equal((LeftOutReasons.ExplicitTarget, "shop-orders"), (overridden.Reason, overridden.Resource));
        Assert.Equal(["orders", "shop-carts"], outcome.Selection.ResolvedTargetIds);
    }

    [Fact]
    public async Task TwoRules_SameResource_TheEarlierRuleKeepsIt()
    {
        var account = new FakeSelectableResources().Table("shop-orders", ("app", "shop"));

        var outcome = await ResolveAsync(SelectionPlans.With(SelectionPlans.ShopTables + """, { "id": "by-name", "type": "dynamodb", "namePattern": "shop-*" }"""), account);

        Assert.Equal("shop-tables", Assert.Single(outcome.Selection.Selected).RuleId);
        Assert.Equal(LeftOutReasons.EarlierRule, Assert.Single(outcome.Selection.LeftOut).Reason);
    }

    [Fact]
    public async Task TargetIds_NamesThatCannotBeIds_AreFittedAndClashesNumbered_TheSameEveryTime()
    {
        var account = new FakeSelectableResources().Table("shop.orders", ("app", "shop")).Table("shop-orders", ("app", "shop"));

        var outcome = await ResolveAsync(SelectionPlans.With(SelectionPlans.ShopTables), account);

        Assert.Equal([("shop-orders", "shop-orders", false), ("shop.orders", "shop-orders-2", true)], outcome.Selection.Selected.Select(s => (s.Resource, s.TargetId, s.Renamed is not null)));
    }

    [Fact]
    public async Task RuleMatchingNothing_IsAnErrorNamingTheRule()
    {
        var account = new FakeSelectableResources().Table("billing", ("app", "billing")).Table("drill-x-shop", ("app", "shop"));

        var outcome = await ResolveAsync(SelectionPlans.With(SelectionPlans.ShopTables), account);

        Assert.False(outcome.Succeeded);
        Assert.Contains("rule 'shop-tables'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("drill-x-shop (scratch-resource)", outcome.Error, StringComparison.Ordinal);
        Assert.Null(outcome.Plan);
    }

    [Fact]
    public async Task SelectionBeyondTheTargetLimit_IsAnErrorNamingTheRule()
    {
        var account = new FakeSelectableResources();
        for (var i = 0; i <= PlanRules.MaxTargets; i++)
        {
            account.Table($"shop-{i:D4}");
        }

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "everything", "type": "dynamodb", "namePattern": "shop-*" }""").Replace("\"maxConcurrentRestores\": 10", "\"maxConcurrentRestores\": 50", StringComparison.Ordinal), account);

        Assert.False(outcome.Succeeded);
        Assert.Contains($"rule 'everything' selected {PlanRules.MaxTargets + 1}", outcome.Error, StringComparison.Ordinal);
        Assert.Contains($"at most {PlanRules.MaxTargets}", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectionBeyondTheWaveRule_IsAnError()
    {
        var account = new FakeSelectableResources();
        for (var i = 0; i < 200; i++)
        {
            account.Table($"shop-{i:D3}");
        }

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "many", "type": "dynamodb", "namePattern": "shop-*" }""").Replace("\"maxConcurrentRestores\": 10", "\"maxConcurrentRestores\": 1", StringComparison.Ordinal), account);

        Assert.False(outcome.Succeeded);
        Assert.Contains("$.maxConcurrentRestores", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectionBeyondTheAwsBackupLimit_IsAnError()
    {
        var account = new FakeSelectableResources();
        for (var i = 0; i <= PlanRules.MaxBackupTargets; i++)
        {
            account.Bucket($"shop-{i:D3}");
        }

        var outcome = await ResolveAsync(SelectionPlans.With("""{ "id": "buckets", "type": "aws-backup", "resourceType": "S3", "namePattern": "shop-*" }"""), account);

        Assert.False(outcome.Succeeded);
        Assert.Contains($"rule 'buckets' selected {PlanRules.MaxBackupTargets + 1}", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("aws-backup targets", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachKind_IsListedOnce_HoweverManyRulesReadIt()
    {
        var account = new FakeSelectableResources().Table("shop-orders", ("app", "shop")).Table("ledger");

        await ResolveAsync(SelectionPlans.With(SelectionPlans.ShopTables + """, { "id": "ledger", "type": "dynamodb", "namePattern": "ledger" }"""), account);

        Assert.Equal(1, account.Listings);
    }

    private static Task<SelectionOutcome> ResolveAsync(string json, FakeSelectableResources account)
    {
        var plan = PlanReader.Read(json).PlanOrThrow();
        return new ResolveSelection(account).ExecuteAsync(json, plan, Scope, default);
    }
}
