using DrillRunner.Cli;
using Spectre.Console;

return await DrillApp.RunAsync(args, AnsiConsole.Console, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), TimeProvider.System);
