using Microsoft.Playwright;

namespace DrillRunner.Cli.Tests.Browser;

/// <summary>A report open in the browser, with what went wrong while it loaded.</summary>
/// <param name="ConsoleErrors">Console errors and uncaught exceptions of its script.</param>
/// <param name="Fetches">Every request it made beyond its own file: a self-contained report makes none.</param>
internal sealed record OpenedReport(IPage Page, IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> Fetches);
