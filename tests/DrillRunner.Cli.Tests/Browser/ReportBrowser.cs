using Microsoft.Playwright;

namespace DrillRunner.Cli.Tests.Browser;

/// <summary>
/// The machine's Chromium (Debian's, which .ci/setup-tests installs) driven through Playwright, so a
/// test can measure where the report's parts are laid out on a given screen and keep a screenshot.
/// Playwright's own browsers are never downloaded: it launches this one by path.
/// </summary>
internal sealed class ReportBrowser : IAsyncDisposable
{
    /// <summary>The screen the report's first view is judged on: a common laptop's, 1400×900 CSS pixels.</summary>
    public const int ScreenWidth = 1400, ScreenHeight = 900;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ReportBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<ReportBrowser> LaunchAsync()
    {
        var chromium = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("chromium is not installed: run .ci/setup-tests (it installs Debian's chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new ReportBrowser(playwright, browser);
    }

    /// <summary>Opens the file on the 1400×900 screen, refusing (and recording) any fetch beyond it.</summary>
    public async Task<OpenedReport> OpenAsync(string file)
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = ScreenWidth, Height = ScreenHeight } });
        var errors = new List<string>();
        var fetches = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        var self = new Uri(file).AbsoluteUri;
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == self)
            {
                await route.ContinueAsync();
                return;
            }

            fetches.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await page.GotoAsync(self);
        return new OpenedReport(page, errors, fetches);
    }

    /// <summary>Test artefacts stay out of the repo: TestResults/ is git-ignored.</summary>
    public static string Artefact(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
