using System.Text.RegularExpressions;
using DrillRunner.Cli.Reports;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Reporting;

namespace DrillRunner.Cli.Tests.Reports;

/// <summary>The HTML report's markup, without a browser (the browser tests are in ReportCommandTests).</summary>
public sealed partial class HtmlReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachFinding_IsColouredByItsSeverity_AndNoneAsMet()
    {
        var html = new HtmlReport().Render([], SampleAudit.WithEveryFinding(Now), Now.AddDays(-90), Now);

        var rows = FindingRow().Matches(html).Select(m => (Kind: m.Groups["kind"].Value, Classes: m.Groups["classes"].Value.Split(' '))).ToList();
        Assert.Equal(Enum.GetValues<FindingKind>().Select(FindingNames.Of).Order(), rows.Select(r => r.Kind).Distinct().Order());
        Assert.All(rows, row => Assert.DoesNotContain("met", row.Classes));
        Assert.All(rows, row => Assert.Contains(FindingSeverities.Of(FindingNames.Parse(row.Kind)!.Value) == FindingSeverity.Critical ? "severity-critical" : "severity-warning", row.Classes));
        Assert.Contains(rows, row => row.Kind == "STACK_DELETE_LOSES_DATA" && row.Classes.Contains("severity-critical"));
    }

    [Fact]
    public void WouldWeSurvive_IsATableOfEachResourcesOwnerAndThreeAnswers_InHtmlAndMarkdown()
    {
        var audit = SampleAudit.WithEveryFinding(Now);

        var html = new HtmlReport().Render([], audit, Now.AddDays(-90), Now);
        var md = new MarkdownReport().Render([], audit, Now.AddDays(-90), Now);

        Assert.Contains("<h3 id=\"would-we-survive\">Would we survive?</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Resource</th><th>Owner</th><th>Stack deleted</th><th>Account lost</th><th>Region lost</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>DynamoDB table ledger</td><td>stack shop (Ledger), DeletionPolicy Delete</td><td class=\"severity-critical\"><span class=\"answer\">no (required)</span> DeletionPolicy Delete, no deletion protection, and no copy outside it", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"survives\"><span class=\"answer\">yes</span> copy in vault dr (lock: not visible from this account), account 444455556666, eu-central-1</td>", html, StringComparison.Ordinal);
        Assert.Contains("owner unknown: no stack this audit can read lists it", html, StringComparison.Ordinal);
        Assert.Contains("### Would we survive?", md, StringComparison.Ordinal);
        Assert.Contains("| DynamoDB table `carts` | stack shop (Carts), DeletionPolicy Delete | yes: deleting stack shop deletes it, but its recovery point in vault main (lock: none), account 111122223333, eu-west-1 stays | no (required): every copy", md, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdvisoryFinding_IsShownMutedAndMarked_AndDoesNotColourTheHeadline()
    {
        var audit = SampleAudit.WithEveryFinding(Now, required: []);

        var html = new HtmlReport().Render([], audit, Now.AddDays(-90), Now);
        var md = new MarkdownReport().Render([], audit, Now.AddDays(-90), Now);

        Assert.Contains("<tr class=\"advisory\"><td class=\"answer\">STACK_DELETE_LOSES_DATA <small>(advisory)</small></td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FindingRow().Matches(html), m => m.Groups["kind"].Value == "STACK_DELETE_LOSES_DATA");
        Assert.Contains("| STACK_DELETE_LOSES_DATA (advisory) |", md, StringComparison.Ordinal);
        Assert.Contains("<span class=\"answer\">no (advisory)</span>", html, StringComparison.Ordinal);
        Assert.Equal(FindingKind.NotProtected, audit.Worst);
    }

    [Fact]
    public void ATargetNeverVerified_IsSpokenOfAsWhatItIs()
    {
        var database = SamplePlan.Report(SamplePlan.Pass(Now), Now, [new UnverifiedTarget("billing", "billing-db", ScratchKinds.RdsInstance)], name: "billing");
        var mixed = SamplePlan.Report(SamplePlan.Pass(Now), Now, [new UnverifiedTarget("uploads", "vol-1", ScratchKinds.EbsVolume), new UnverifiedTarget("ledger", "ledger-prod", ScratchKinds.DynamoDbTable)], name: "shop");

        var html = new HtmlReport().Render([database, mixed], null, Now.AddDays(-90), Now);

        Assert.Contains("<p class=\"warning\">Never verified in the window: RDS instance billing-db. A database whose restore has not been proven may not be recoverable.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"warning\">Never verified in the window: EBS volume vol-1, DynamoDB table ledger-prod. A volume or table whose restore has not been proven may not be recoverable.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void APlanOfDatabasesOnly_IsNeverSpokenOfAsTables()
    {
        var database = SamplePlan.Report(SamplePlan.Pass(Now), Now, [new UnverifiedTarget("billing", "billing-db", ScratchKinds.RdsInstance)], name: "billing");
        var empty = new CoverageAudit("audit-1", "111122223333", "eu-west-1", Now, Now, CoverageThresholds.Default, []);

        var html = new HtmlReport().Render([database], empty, Now.AddDays(-90), Now);

        var text = Tags().Replace(html[html.IndexOf("<body>", StringComparison.Ordinal)..], " ");
        Assert.DoesNotMatch(new Regex(@"\btables?\b"), text);
    }

    [Fact]
    public void ACostOrRunbookGapNotRecorded_IsSaid_NotLeftBlank()
    {
        var none = SamplePlan.Report(SamplePlan.Pass(Now), Now) with { RunbookGapNotRecorded = ["orders"] };
        var some = none with { RunbookGaps = [new TargetRunbookGap("ledger", "ledger-prod", "after a restore of ledger-prod you must re-enable: PITR", true)] };

        var html = new HtmlReport().Render([none, SamplePlan.Report(null, null, name: "undrilled")], null, Now.AddDays(-90), Now);
        var md = new MarkdownReport().Render([some], null, Now.AddDays(-90), Now);

        Assert.Contains("<div class=\"label\">Cost per drill / month (est.)</div><div class=\"value\">not recorded for these drills</div>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>orders</strong>: not recorded for the latest drill</li>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"label\">Cost per drill / month (est.)</div><div class=\"value\">no drill in the window</div>", html, StringComparison.Ordinal);
        Assert.Contains("Cost (estimate): not recorded for these drills.", md, StringComparison.Ordinal);
        Assert.Contains("- Runbook gap, ledger: after a restore of ledger-prod you must re-enable: PITR", md, StringComparison.Ordinal);
        Assert.Contains("- Runbook gap, orders: not recorded for the latest drill", md, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCopyALatestDrillProved_IsNamedInBothReports_AndNoSectionWithoutOne()
    {
        const string sentence = "restored from copy rp-1 in vault air-gapped (account 777788889999, region eu-central-1), copied from arn:aws:backup:eu-west-1:111122223333:backup-vault:prod, of a backup taken at 2026-11-26 23:30:05Z";
        var plain = SamplePlan.Report(SamplePlan.Pass(Now), Now);
        var copied = plain with { CopiesProven = [new TargetCopyProven("orders", sentence)] };

        var html = new HtmlReport().Render([copied], null, Now.AddDays(-90), Now);
        var md = new MarkdownReport().Render([copied], null, Now.AddDays(-90), Now);

        Assert.Contains($"<li><strong>orders</strong>: {System.Net.WebUtility.HtmlEncode(sentence)}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"- orders: {sentence}", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Copies proven", new HtmlReport().Render([plain], null, Now.AddDays(-90), Now), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script>.*?</script>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex("<tr class=\"(?<classes>[^\"]*)\"><td class=\"answer\">(?<kind>[A-Z_]+)</td>")]
    private static partial Regex FindingRow();
}
