using DrillRunner.Core.Plans;

namespace DrillRunner.Core.Tests.Plans;

public sealed class RelationPlanTests
{
    private const string Targets = """
        "targets": [
          { "id": "orders", "type": "dynamodb", "tableName": "orders-prod" },
          { "id": "customers", "type": "dynamodb", "tableName": "customers-prod", "verification": { "sentinelKeys": [ { "pk": "C-1" } ] } },
          { "id": "invoices", "type": "aws-backup", "resourceArn": "arn:aws:s3:::invoices-prod" },
          { "id": "billing-db", "type": "aws-backup", "resourceArn": "arn:aws:rds:eu-west-1:123456789012:db:billing-prod" }
        ]
        """;

    private static PlanValidationResult Read(string relations) => PlanReader.Read($$"""
        { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
          {{Targets}},
          "relations": [ {{relations}} ] }
        """);

    [Fact]
    public void Read_TheThreeKindsOfRelation_BindsEveryField()
    {
        var result = Read("""
            { "id": "order-customer", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" }, "sampleSize": 200, "hashExamples": true },
            { "id": "order-invoice", "from": { "target": "orders", "attribute": "invoiceKey" }, "to": { "target": "invoices", "objectKey": true } },
            { "id": "orders-per-customer", "countRatio": { "target": "orders", "atLeast": 10, "per": "customers" } }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var relations = result.Plan!.Relations;
        Assert.Equal(new ReferenceRelation("order-customer", "orders", "customerId", "customers", "pk", 200, true), relations[0]);
        Assert.Equal(new ReferenceRelation("order-invoice", "orders", "invoiceKey", "invoices", null, RelationDefaults.SampleSize, false), relations[1]);
        Assert.True(((ReferenceRelation)relations[1]).ToObjectKey);
        Assert.Equal(new CountRatioRelation("orders-per-customer", "orders", 10, "customers"), relations[2]);
    }

    [Theory]
    [InlineData("""{ "id": "r", "from": { "target": "ordres", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" } }""", "$.relations[0].from.target", "'ordres' is not a target")]
    [InlineData("""{ "id": "r", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "clients", "key": "pk" } }""", "$.relations[0].to.target", "'clients' is not a target")]
    [InlineData("""{ "id": "r", "countRatio": { "target": "orders", "atLeast": 10, "per": "clients" } }""", "$.relations[0].countRatio.per", "'clients' is not a target")]
    [InlineData("""{ "id": "r", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "customers", "key": "id" } }""", "$.relations[0].to.key", "'id' is not a key attribute of 'customers'")]
    [InlineData("""{ "id": "r", "from": { "target": "invoices", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" } }""", "$.relations[0].from.target", "not a DynamoDB table")]
    [InlineData("""{ "id": "r", "from": { "target": "orders", "attribute": "invoiceKey" }, "to": { "target": "customers", "objectKey": true } }""", "$.relations[0].to.objectKey", "not an S3 bucket")]
    [InlineData("""{ "id": "r", "from": { "target": "orders", "attribute": "invoiceKey" }, "to": { "target": "invoices", "key": "pk" } }""", "$.relations[0].to.key", "not a DynamoDB table")]
    [InlineData("""{ "id": "r", "countRatio": { "target": "billing-db", "atLeast": 1, "per": "customers" } }""", "$.relations[0].countRatio.target", "verification does not count")]
    [InlineData("""{ "id": "r", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "customers" } }""", "$.relations[0].to.key", "is required")]
    [InlineData("""{ "id": "r", "from": { "target": "orders" }, "to": { "target": "customers", "key": "pk" } }""", "$.relations[0].from.attribute", "is required")]
    [InlineData("""{ "id": "r", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" }, "sampleSize": 0 }""", "$.relations[0].sampleSize", "whole number from 1")]
    [InlineData("""{ "id": "r", "countRatio": { "target": "orders", "atLeast": 1, "per": "customers" }, "sampleSize": 10 }""", "$.relations[0].sampleSize", "not a known field")]
    [InlineData("""{ "id": "r", "countRatio": { "target": "orders", "atLeast": 1, "per": "customers" }, "from": { "target": "orders", "attribute": "a" } }""", "$.relations[0]", "both countRatio and from/to")]
    public void Read_AWrongRelation_IsAPlanErrorAtItsJsonPath(string relation, string path, string message)
    {
        var result = Read(relation);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
    }

    [Fact]
    public void Read_AnUnknownTarget_NamesTheTargetsThereAre()
    {
        var problem = Assert.Single(Read("""{ "id": "r", "from": { "target": "ordres", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" } }""").Problems);

        Assert.Equal("name a target by its id: billing-db, customers, invoices, orders.", problem.Fix);
    }

    [Fact]
    public void Read_TwoRelationsWithOneId_IsAnError()
    {
        var result = Read("""
            { "id": "r", "countRatio": { "target": "orders", "atLeast": 1, "per": "customers" } },
            { "id": "r", "countRatio": { "target": "customers", "atLeast": 0.1, "per": "orders" } }
            """);

        Assert.Equal("$.relations[1].id", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Check_WhenTargetsAreChosenAtTheDrill_DefersTheTargetCheckToCheckTargets()
    {
        var plan = Read("""{ "id": "order-customer", "from": { "target": "orders", "attribute": "customerId" }, "to": { "target": "customers", "key": "pk" } }""").Plan!;
        var selecting = plan with { Relations = [new ReferenceRelation("r", "orders", "customerId", "customers-prod", "pk", 10, false)] };

        var atValidation = new List<PlanProblem>();
        RelationRules.Check(selecting, atValidation, targetsChosenAtDrill: true);
        var selected = RelationRules.CheckTargets(selecting, ["orders", "customers-prod"]);
        var missing = RelationRules.CheckTargets(selecting, ["orders"]);

        Assert.Empty(atValidation);
        Assert.Empty(selected);
        Assert.Equal("$.relations[0].to.target", Assert.Single(missing).Path);
    }
}
