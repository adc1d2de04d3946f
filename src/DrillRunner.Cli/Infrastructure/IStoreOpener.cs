using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>
/// Opens the runs table a command works on. Which one depends on the invocation (AWS, another
/// endpoint, or the local store, locked or read through its holder), so commands are given this
/// port through their constructors rather than a store, and tests hand them one of fakes.
/// </summary>
public interface IStoreOpener
{
    /// <param name="context">The command, as other terminals are told while it holds the local store.</param>
    /// <param name="access">Whether the command may go through another command that holds the local store.</param>
    Task<DrillStore> OpenAsync(StoreSettings settings, CommandContext context, StoreAccess access, CancellationToken cancellationToken);
}
