using System.Text.Json;
using DrillRunner.Cli.Tests.Browser;
using DrillRunner.Core.Coverage;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// The HTML report of a seeded estate in a real browser on a 1400×900 screen: what a reader sees
/// before scrolling, and the colour each finding is shown in.
/// </summary>
public sealed class ReportFirstScreenTests(SeededEstateFixture estate) : IClassFixture<SeededEstateFixture>
{
    /// <summary>Where each part is laid out, in page pixels from the top; a folded part has no height.</summary>
    private sealed record Box(double Top, double Bottom);

    [Fact]
    public async Task OnA1400By900Screen_TheCoverageHeadlineAndAtAGlanceShowWithoutScrolling_AndTheFindingsComeBelow()
    {
        await using var browser = await ReportBrowser.LaunchAsync();
        var report = await browser.OpenAsync(estate.Report);
        await report.Page.ScreenshotAsync(new() { Path = ReportBrowser.Artefact("report-first-screen.png") });
        await report.Page.ScreenshotAsync(new() { Path = ReportBrowser.Artefact("report-seeded-estate.png"), FullPage = true });

        using var layout = JsonDocument.Parse(await report.Page.EvaluateAsync<string>("""
            () => {
              const box = e => { const r = e.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY }; };
              return JSON.stringify({
                screen: [innerWidth, innerHeight],
                headline: box(document.querySelector('.coverage .headline')),
                glance: box(document.querySelector('.overview')),
                findings: [...document.querySelectorAll('table.findings tbody tr')].map(box),
              });
            }
            """));
        var root = layout.RootElement;
        var headline = Read(root.GetProperty("headline"));
        var glance = Read(root.GetProperty("glance"));
        var findings = root.GetProperty("findings").EnumerateArray().Select(Read).ToList();

        Assert.Equal([ReportBrowser.ScreenWidth, ReportBrowser.ScreenHeight], root.GetProperty("screen").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(findings.Count >= 10, $"the seeded estate has {findings.Count} findings; the test needs enough to push the answer down");
        Assert.True(headline.Bottom <= ReportBrowser.ScreenHeight, $"the coverage headline ends at {headline.Bottom:0} px, below the first screen");
        Assert.True(glance.Bottom <= ReportBrowser.ScreenHeight, $"'At a glance' spans {glance.Top:0}–{glance.Bottom:0} px: it must end on the first screen ({ReportBrowser.ScreenHeight} px)");
        Assert.All(findings, finding => Assert.True(finding.Bottom == finding.Top || finding.Top >= glance.Bottom, $"a finding at {finding.Top:0} px comes before 'At a glance' ends ({glance.Bottom:0} px)"));
    }

    [Fact]
    public async Task EachFinding_IsShownInItsSeveritysColour_NeverTheGreenOfMet_AdvisoryOnesMuted_AndEachResourceSaysWhetherItWouldSurvive()
    {
        await using var browser = await ReportBrowser.LaunchAsync();
        var report = await browser.OpenAsync(estate.Report);

        var shown = (await report.Page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('table.findings tbody tr .answer')].map(cell => [cell.firstChild.textContent.trim(), getComputedStyle(cell).color, cell.closest('tr').classList.contains('advisory') ? 'advisory' : ''])
            """)).Select(row => (Kind: row[0], Colour: row[1], Advisory: row[2] == "advisory")).ToList();
        var survival = (await report.Page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('table.survival tbody tr')].map(row => [...row.querySelectorAll('td')].map(cell => cell.querySelector('.answer') ? cell.querySelector('.answer').textContent + '|' + getComputedStyle(cell.querySelector('.answer')).color : cell.textContent))
            """)).ToList();

        var required = shown.Where(s => !s.Advisory).ToList();
        Assert.Equal(["BACKUP_STALE", "DRILL_FAILING", "DRILL_STALE", "NOT_DRILLED", "NOT_PROTECTED"], required.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(required, s => Assert.Equal(FindingSeverities.Of(FindingNames.Parse(s.Kind)!.Value) == FindingSeverity.Critical ? Red : Amber, s.Colour));
        // The seeded estate has no copy outside its account or region; the stack default requires only surviving the stack's deletion.
        Assert.Contains(shown, s => s.Advisory && s.Kind == "NO_COPY_OUTSIDE_REGION");
        Assert.All(shown.Where(s => s.Advisory), s => Assert.Equal(Muted, s.Colour));

        Assert.NotEmpty(survival);
        Assert.All(survival, row => Assert.Equal(5, row.Length));
        var answers = survival.SelectMany(row => row.Skip(2)).Select(cell => cell.Split('|')).ToList();
        Assert.All(answers, a => Assert.Equal(a[0] == "yes" ? Green : a[0].EndsWith("(advisory)", StringComparison.Ordinal) ? Muted : a[0].StartsWith("no", StringComparison.Ordinal) ? Red : Amber, a[1]));
        Assert.Contains(answers, a => a[0] == "no (advisory)");
    }

    // The report's --fail and --obj colours, as the browser computes them; --pass green (rgb(26, 127, 55)) is for met objectives only.
    private const string Red = "rgb(207, 34, 46)", Amber = "rgb(154, 103, 0)";

    // --pass green marks a "yes" in the survival table; --muted grey marks what is advisory.
    private const string Green = "rgb(26, 127, 55)", Muted = "rgb(87, 96, 106)";

    private static Box Read(JsonElement box) => new(box.GetProperty("top").GetDouble(), box.GetProperty("bottom").GetDouble());
}
