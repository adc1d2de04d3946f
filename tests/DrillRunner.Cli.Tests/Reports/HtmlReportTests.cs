using System.Text.RegularExpressions;
using DrillRunner.Cli.Reports;
using DrillRunner.Core.Coverage;

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
        string[] critical = ["NOT_PROTECTED", "BACKUP_STALE", "DRILL_FAILING"];
        Assert.All(rows, row => Assert.Contains(critical.Contains(row.Kind) ? "severity-critical" : "severity-warning", row.Classes));
    }

    [GeneratedRegex("<tr class=\"(?<classes>[^\"]*)\"><td class=\"answer\">(?<kind>[A-Z_]+)</td>")]
    private static partial Regex FindingRow();
}
