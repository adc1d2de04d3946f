using System.Runtime.InteropServices;
using DrillRunner.Cli;
using Spectre.Console;

var output = AnsiConsole.Console;
var diagnostics = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

// In a CI log there is no terminal width to respect; 80 columns would only break lines.
if (Console.IsOutputRedirected)
{
    output.Profile.Width = 160;
}

if (Console.IsErrorRedirected)
{
    diagnostics.Profile.Width = 160;
}

// The first Ctrl-C (or a CI runner's SIGTERM) asks the command to end honestly: stop or leave its
// drill as it says, and exit 130. A second one ends the process at once (a local drill left
// running is ended, and what it restored swept, by the next command that opens the store).
using var interrupt = new CancellationTokenSource();
var presses = 0;
void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;

    // Signals may be handled side by side: count them, so a second press quits even while the first is being handled.
    if (Interlocked.Increment(ref presses) > 1)
    {
        diagnostics.MarkupLine("[yellow]quitting at once.[/] A local drill left running is ended by the next command that opens the store.");
        Environment.Exit(ExitCodes.Interrupted);
    }

    // The token's callbacks (aborting executions) run off this handler, so a second press is heard at once.
    _ = interrupt.CancelAsync();
    diagnostics.MarkupLine("[yellow]interrupting…[/] (press Ctrl-C again to quit at once)");
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

return await DrillApp.RunAsync(args, output, diagnostics, TimeProvider.System, interrupt.Token);
