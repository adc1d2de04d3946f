using System.ComponentModel;
using DrillRunner.Cli.Infrastructure;
using DrillRunner.Local;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Commands;

/// <summary>`drill local reset`: deletes the local store (tables, backups, runs, plans).</summary>
public sealed class LocalResetCommand(OutputConsoles consoles) : Command<LocalResetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("The local store's folder. Default: .drill/local in the clone; ~/.drill/local for the installed tool.")]
        public string? DataDirectory { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var directory = settings.DataDirectory ?? LocalStore.DefaultDirectory;
        var deleted = LocalStore.Reset(directory);
        consoles.Out.WriteLine(deleted ? $"deleted the local store {directory}" : $"no local store at {directory}");
        return ExitCodes.Pass;
    }
}
