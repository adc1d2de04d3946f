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
// drill as it says, and exit 130. A second Ctrl-C ends the process at once.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!interrupt.IsCancellationRequested)
    {
        e.Cancel = true;
        diagnostics.MarkupLine("[yellow]interrupting…[/] (press Ctrl-C again to quit at once)");
        interrupt.Cancel();
    }
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupt.Cancel();
});

return await DrillApp.RunAsync(args, output, diagnostics, TimeProvider.System, interrupt.Token);
