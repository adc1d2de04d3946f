using DrillRunner.Core.Plans;
using DrillRunner.Core.Selection;
using Spectre.Console;

namespace DrillRunner.Cli.Output;

/// <summary>`plan validate --resolve`: rule by rule, what a drill beginning now would select and leave out, then its targets or the ERROR it would end with.</summary>
public static class ResolutionPrinter
{
    /// <param name="where">Where it was resolved ("runs table DrillRuns", "local store .drill/local").</param>
    public static void Print(IAnsiConsole console, DrillPlan plan, SelectionOutcome outcome, string where)
    {
        console.MarkupLineInterpolated($"[bold]resolved now[/] ({where}): what a drill of plan '{plan.Name}' beginning now would drill");
        foreach (var rule in plan.Selection)
        {
            var selected = outcome.Selection.Selected.Where(s => s.RuleId == rule.Id).ToList();
            var leftOut = outcome.Selection.LeftOut.Where(l => l.RuleId == rule.Id).ToList();
            console.MarkupLineInterpolated($"rule '{rule.Id}' ({rule.Describe()}): selects {selected.Count}, leaves out {leftOut.Count}");
            foreach (var s in selected)
            {
                console.MarkupLineInterpolated($"  [green]selects[/] {s.Resource} → target {s.TargetId}{(s.Renamed is { } why ? $" (id differs from the name: {why})" : string.Empty)}");
            }

            foreach (var l in leftOut)
            {
                console.MarkupLineInterpolated($"  [grey]leaves out[/] {l.Resource}: {l.Reason} ({l.Detail})");
            }
        }

        foreach (var target in plan.Targets)
        {
            console.MarkupLineInterpolated($"explicit target {target.Id} → {target.SourceName}");
        }

        if (outcome.Succeeded)
        {
            var ids = outcome.Plan!.Targets.Select(t => t.Id).ToList();
            console.MarkupLineInterpolated($"[green]would drill[/] {ids.Count} target(s): {string.Join(", ", ids)}");
        }
        else
        {
            // One line, never wrapped (as ErrorLine does): the sentence a run would record, whole, for grep and CI logs.
            console.Markup("[red]ERROR[/] ");
            console.Profile.Out.Writer.WriteLine($"a drill beginning now would end at once, recording: {Core.Drills.BeginDrill.SelectionEnded(plan.Name, null, outcome.Error!)}");
            console.Profile.Out.Writer.Flush();
        }
    }

    /// <summary>A plan without rules: its targets are what it says; nothing is listed.</summary>
    public static void PrintNothingToResolve(IAnsiConsole console, DrillPlan plan)
    {
        foreach (var target in plan.Targets)
        {
            console.MarkupLineInterpolated($"explicit target {target.Id} → {target.SourceName}");
        }

        console.MarkupLineInterpolated($"nothing to resolve: plan '{plan.Name}' has no \"select\" rules, so every drill drills these {plan.Targets.Count} explicit target(s).");
    }
}
