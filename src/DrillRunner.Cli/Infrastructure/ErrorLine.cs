using Spectre.Console;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>
/// An error and its fix on one line, never wrapped: Spectre breaks a markup line at the console's width
/// (160 when redirected), which cut the fixes' pasteable commands (a long `npm ci --prefix "…"` path)
/// into lines that no longer run. The terminal wraps a long line softly; a copy of it stays one command.
/// </summary>
internal static class ErrorLine
{
    public static void WriteError(this IAnsiConsole console, string message)
    {
        console.Markup("[red]error:[/] ");
        console.Profile.Out.Writer.WriteLine(message);
        console.Profile.Out.Writer.Flush();
    }
}
