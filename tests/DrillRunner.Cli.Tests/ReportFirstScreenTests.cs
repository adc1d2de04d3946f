using System.Text.Json;
using DrillRunner.Cli.Tests.Browser;

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
    public async Task EachFinding_IsShownInItsSeveritysColour_NeverTheGreenOfMet()
    {
        await using var browser = await ReportBrowser.LaunchAsync();
        var report = await browser.OpenAsync(estate.Report);

        var shown = (await report.Page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('table.findings tbody tr .answer')].map(cell => [cell.textContent, getComputedStyle(cell).color])
            """)).Select(pair => (Kind: pair[0], Colour: pair[1])).ToList();

        Assert.Equal(["BACKUP_STALE", "DRILL_FAILING", "DRILL_STALE", "NOT_DRILLED", "NOT_PROTECTED"], shown.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(shown, s => Assert.Equal(s.Kind is "NOT_PROTECTED" or "BACKUP_STALE" or "DRILL_FAILING" ? Red : Amber, s.Colour));
    }

    // The report's --fail and --obj colours, as the browser computes them; --pass green (rgb(26, 127, 55)) is for met objectives only.
    private const string Red = "rgb(207, 34, 46)", Amber = "rgb(154, 103, 0)";

    private static Box Read(JsonElement box) => new(box.GetProperty("top").GetDouble(), box.GetProperty("bottom").GetDouble());
}
