using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>
/// Spectre's help, plus what a script needs: examples quoted so they work when pasted into a shell,
/// and each command's exit codes.
/// </summary>
internal sealed class DrillHelp(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetExamples(ICommandModel model, ICommandInfo? command)
    {
        // The root shows one example per command; a command or a branch shows all of its own.
        var examples = Entries(command).SelectMany(e => command is null ? e.Examples.Take(1) : e.Examples).ToList();
        if (examples.Count == 0)
        {
            yield break;
        }

        yield return new Markup(Environment.NewLine + "[yellow]EXAMPLES:[/]" + Environment.NewLine);
        foreach (var example in examples)
        {
            yield return new Markup($"    {model.ApplicationName} [grey]{Markup.Escape(ShellWords.Join(example))}[/]{Environment.NewLine}");
        }
    }

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        if (command is null || command.IsBranch)
        {
            yield return new Markup(Environment.NewLine + "[yellow]EXIT CODES:[/]" + Environment.NewLine + $"    each command's --help lists its own; {ExitCodes.UsageOrConfiguration} is always a usage or configuration error, {ExitCodes.Interrupted} an interrupt." + Environment.NewLine);
            yield break;
        }

        if (CommandCatalog.All.FirstOrDefault(e => e.Path.SequenceEqual(PathOf(command))) is not { } entry)
        {
            yield break;
        }

        yield return new Markup(Environment.NewLine + "[yellow]EXIT CODES:[/]" + Environment.NewLine);
        var grid = new Grid();
        grid.AddColumn(new GridColumn { Padding = new Padding(4, 0, 4, 0), NoWrap = true });
        grid.AddColumn(new GridColumn { Padding = new Padding(0, 0) });
        foreach (var exit in entry.ExitCodes)
        {
            grid.AddRow(new Text(exit.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(exit.Meaning));
        }

        yield return grid;
    }

    /// <summary>The catalog entries a help page shows examples of: the command's own, or its children's for a branch or the root.</summary>
    private static IEnumerable<CommandEntry> Entries(ICommandInfo? command)
    {
        var path = command is null ? [] : PathOf(command);
        return CommandCatalog.All.Where(e => e.Path.Count >= path.Count && e.Path.Take(path.Count).SequenceEqual(path))
            .Where(e => command is not null || e.Path.Count == 1);
    }

    private static List<string> PathOf(ICommandInfo command)
    {
        var path = new List<string>();
        for (var current = command; current is not null; current = current.Parent)
        {
            path.Insert(0, current.Name);
        }

        return path;
    }
}
