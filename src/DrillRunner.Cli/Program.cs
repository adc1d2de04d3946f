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

return await DrillApp.RunAsync(args, output, diagnostics, TimeProvider.System);
