using DrillRunner.Core.Runs;
using Spectre.Console;

namespace DrillRunner.Cli.Output;

/// <summary>What a run's "select" rules found when it began: each rule, what it selected (as which target), and what it left out and why.</summary>
public static class SelectionPrinter
{
    public static void Print(IAnsiConsole console, RunSelection? selection)
    {
        if (selection is null)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Rule", "Resource", "Selected as", "Left out because");
        foreach (var selected in selection.Selected)
        {
            table.AddRow(Markup.Escape(selected.RuleId), Markup.Escape(selected.Resource), Markup.Escape(selected.TargetId + (selected.Renamed is { } why ? $" ({why})" : string.Empty)), string.Empty);
        }

        foreach (var left in selection.LeftOut)
        {
            table.AddRow(Markup.Escape(left.RuleId), Markup.Escape(left.Resource), "[grey]—[/]", Markup.Escape($"{left.Reason}: {left.Detail}"));
        }

        console.MarkupLineInterpolated($"[bold]Selected when the run began:[/] {selection.Selected.Count} target(s) by {selection.Rules.Count} rule(s), {selection.LeftOut.Count} left out");
        foreach (var rule in selection.Rules)
        {
            console.MarkupLineInterpolated($"[grey]  rule {rule}[/]");
        }

        if (selection.Selected.Count + selection.LeftOut.Count > 0)
        {
            console.Write(table);
        }
    }
}
