using DrillRunner.Cli.Reports;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Runs;

namespace DrillRunner.Cli.Tests;

/// <summary>Each relation's result in every report format and in the SNS summary.</summary>
public sealed class RelationReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly RelationResult Dangling = new("order-customer", "orders.customerId → customers.pk", true, false, "3 of 1,000 sampled orders items name a customers item that is not in the restored customers table (orders.customerId → customers.pk); e.g. C-17, C-90, C-4")
    {
        References = 1000, Dangling = 3, Examples = ["C-17", "C-90", "C-4"], Seed = 1234, SampleSize = 1000,
    };

    private static readonly RelationResult NotChecked = new("order-invoice", "orders.invoiceKey → invoices (object key)", false, false, "target 'invoices' failed (no recovery point)");

    private static PlanReport Report()
    {
        var point = new RunPoint("r-1", T0, Verdict.Fail, null, null, "relation 'order-customer' does not hold: …")
        {
            RelationsNotHeld = ["order-customer: does not hold", "order-invoice: not checked"],
        };
        return new PlanReport("shop", 60, 15, 1, 0, point, null, null, true, null, null, null, [point], [], [], [])
        {
            Relations = [Dangling, NotChecked],
        };
    }

    private static string Render(IReportFormat format) => format.Render([Report()], null, T0.AddDays(-30), T0);

    [Fact]
    public void Markdown_ListsEveryRelationWithItsOutcomeSentenceAndSeed()
    {
        var md = Render(new MarkdownReport());

        Assert.Contains("- Relation order-customer (orders.customerId → customers.pk) **does not hold**: 3 of 1,000 sampled orders items name a customers item that is not in the restored customers table (orders.customerId → customers.pk); e.g. C-17, C-90, C-4 [seed 1234, sample size 1,000]", md, StringComparison.Ordinal);
        Assert.Contains("- Relation order-invoice (orders.invoiceKey → invoices (object key)) **not checked**: target 'invoices' failed (no recovery point)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ListsEveryRelation_Escaped()
    {
        var html = Render(new HtmlReport());

        Assert.Contains("<h3>Relations between restored targets (latest drill)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>order-customer</strong> (orders.customerId → customers.pk) <strong>does not hold</strong>: 3 of 1,000 sampled", html, StringComparison.Ordinal);
        Assert.Contains("target &#39;invoices&#39; failed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_NamesTheRelationsThatDidNotHoldPerDrill()
    {
        var row = Render(new CsvReport()).Split('\n')[1];

        Assert.EndsWith(",order-customer: does not hold; order-invoice: not checked", row.TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CarriesEachRelationsCountsExamplesAndSeed()
    {
        var json = Render(new JsonReport());

        Assert.Contains("\"relationId\": \"order-customer\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dangling\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 1234", json, StringComparison.Ordinal);
        Assert.Contains("\"C-17\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Notification_ListsEveryRelationUnderTheReason()
    {
        var run = new DrillRun("r-1", "shop", 1, "{}", "schedule", T0) { Verdict = Verdict.Fail, VerdictReason = "relation 'order-customer' does not hold", Relations = [Dangling, NotChecked] };

        var message = Notification.For(run, "arn:aws:sns:eu-west-1:123456789012:drills").Message;

        Assert.Contains("\nRelations:\n- relation 'order-customer' (orders.customerId → customers.pk) does not hold: 3 of 1,000 sampled orders items", message, StringComparison.Ordinal);
        Assert.Contains("[seed 1234, sample size 1,000]", message, StringComparison.Ordinal);
        Assert.Contains("\n- relation 'order-invoice' (orders.invoiceKey → invoices (object key)) not checked: target 'invoices' failed", message, StringComparison.Ordinal);
    }
}
