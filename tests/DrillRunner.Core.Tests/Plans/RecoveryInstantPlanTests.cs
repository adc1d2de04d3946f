using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Plans;

public sealed class RecoveryInstantPlanTests
{
    private const string Root = "\"maxConcurrentRestores\": 4,";

    [Fact]
    public void ReadsTheCommonInstant_TheSkewLimit_AndThePlansRecoveryPointRule()
    {
        var plan = PlanReader.Read(PlanSamples.With(Root, Root + """ "recoveryInstant": "common", "maxSkewSeconds": 90, "recoveryPoint": { "select": "random", "withinDays": 7 },""")).PlanOrThrow();

        Assert.Equal(RecoveryInstant.Common, plan.RecoveryInstant);
        Assert.Equal(90, plan.MaxSkewSeconds);
        Assert.Equal(new RecoveryPointRule(PointSelect.Random, 7), plan.RecoveryPoint);
        Assert.Equal(plan.RecoveryPoint, plan.PointRule(plan.Targets[0]));
    }

    [Fact]
    public void WithoutTheFields_DrillsBehaveAsBefore_IndependentAndLatest()
    {
        var plan = PlanReader.Read(PlanSamples.Valid).PlanOrThrow();

        Assert.Equal(RecoveryInstant.Independent, plan.RecoveryInstant);
        Assert.Null(plan.MaxSkewSeconds);
        Assert.Same(RecoveryPointRule.Latest, plan.PointRule(plan.Targets[0]));
    }

    [Fact]
    public void ATargetsOwnRule_OverridesThePlans()
    {
        var plan = PlanReader.Read(PlanSamples.With("\"restoreFrom\": \"auto\",", "\"restoreFrom\": \"auto\", \"recoveryPoint\": { \"select\": \"oldest\" },")).PlanOrThrow();

        Assert.Equal(new RecoveryPointRule(PointSelect.Oldest, null), plan.PointRule(plan.Targets[0]));
    }

    [Theory]
    [InlineData("\"recoveryInstant\": \"together\",", "$.recoveryInstant", "'together' is not one of common, independent.")]
    [InlineData("\"maxSkewSeconds\": 60,", "$.maxSkewSeconds", "applies only to a drill with one common instant.")]
    [InlineData("\"recoveryInstant\": \"common\", \"maxSkewSeconds\": -1,", "$.maxSkewSeconds", "")]
    [InlineData("\"recoveryPoint\": { \"select\": \"newest\" },", "$.recoveryPoint.select", "'newest' is not one of latest, random, oldest.")]
    [InlineData("\"recoveryPoint\": { \"withinDays\": 3 },", "$.recoveryPoint.select", "is required.")]
    [InlineData("\"recoveryPoint\": { \"select\": \"random\", \"withinDays\": 0 },", "$.recoveryPoint.withinDays", "")]
    [InlineData("\"recoveryPoint\": { \"select\": \"random\", \"within\": 3 },", "$.recoveryPoint.within", "not a known field")]
    [InlineData("\"recoveryPoint\": \"random\",", "$.recoveryPoint", "")]
    public void BadFields_AreNamedByTheirPath_WithAFix(string field, string path, string message)
    {
        var result = PlanReader.Read(PlanSamples.With(Root, Root + field));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
    }

    [Fact]
    public void ACommonInstant_RefusesATargetThatWouldChooseItsOwnPoint_NamingTheTarget()
    {
        var json = PlanSamples.With(Root, Root + "\"recoveryInstant\": \"common\",")
            .Replace("\"restoreFrom\": \"auto\",", "\"restoreFrom\": \"auto\", \"recoveryPoint\": { \"select\": \"random\" },", StringComparison.Ordinal);

        var problem = Assert.Single(PlanReader.Read(json).Problems);

        Assert.Equal("$.targets[0].recoveryPoint", problem.Path);
        Assert.Contains("'orders'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("plan's own \"recoveryPoint\"", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ACommonInstant_RefusesASelectRuleGivingItsTargetsTheirOwnPoint_AtTheRulesPath()
    {
        var json = PlanSamples.With(Root, Root + """
            "recoveryInstant": "common",
            "select": [ { "id": "shop", "type": "dynamodb", "namePattern": "shop-*", "recoveryPoint": { "select": "random", "withinDays": 2 } } ],
            """);

        var problem = Assert.Single(PlanReader.Read(json).Problems);

        Assert.Equal("$.select[0].recoveryPoint", problem.Path);
        Assert.Contains("rule 'shop'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableRecoveryInstant_IsTheOnlyProblem_NotAlsoMaxSkewWithoutCommon()
    {
        var problem = Assert.Single(PlanReader.Read(PlanSamples.With(Root, Root + "\"recoveryInstant\": \"Common\", \"maxSkewSeconds\": 60,")).Problems);

        Assert.Equal("$.recoveryInstant", problem.Path);
    }

    [Fact]
    public void ARelationAttributeWithAControlCharacter_IsRefused_AndNotEchoedRaw()
    {
        var json = PlanSamples.With(Root, Root + """
            "relations": [ { "id": "r", "from": { "target": "orders", "attribute": "cust\u001b[31mRED" }, "to": { "target": "orders", "key": "pk" } } ],
            """);

        var problem = Assert.Single(PlanReader.Read(json).Problems, p => p.Path == "$.relations[0].from.attribute");

        Assert.Contains("control character", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\\u001B", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', problem.Message);
    }
}
