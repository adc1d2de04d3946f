using Spectre.Console;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>Standard output for results, standard error for progress and diagnostics.</summary>
public sealed record OutputConsoles(IAnsiConsole Out, IAnsiConsole Diagnostics);
