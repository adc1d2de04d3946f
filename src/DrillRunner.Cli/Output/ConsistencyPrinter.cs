using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;
using Spectre.Console;

namespace DrillRunner.Cli.Output;

/// <summary>The consistency demo's two drills side by side: what each restored, to which instants, and whether the relation held.</summary>
public static class ConsistencyPrinter
{
    public static void Print(IAnsiConsole console, ConsistencyDemoOutcome outcome)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("", $"each table to its own newest point\n(plan {outcome.Independent.PlanName})", $"both tables to one common instant\n(plan {outcome.Common.PlanName})");
        var drills = new[] { outcome.Independent, outcome.Common };
        table.AddRow(["Verdict", .. drills.Select(d => Verdict(d.Run))]);
        table.AddRow(["Instant T", .. drills.Select(d => Markup.Escape(d.Run.Instant is { } t ? $"{t.At:HH:mm:ss} ({t.Select.Name()}, bounded by {t.LatestBoundBy ?? "the drill's start"})" : "none: each target on its own"))]);
        foreach (var id in drills[0].Targets.Select(t => t.TargetId))
        {
            table.AddRow([$"{Markup.Escape(id)} restored to", .. drills.Select(d => Markup.Escape(Instant(d, id)))]);
        }

        table.AddRow([$"Relation {ConsistencyDemo.Relation}", .. drills.Select(d => Markup.Escape(string.Join("\n", d.Run.Relations.Select(r => $"{RelationSummary.Outcome(r)}: {r.Why}"))))]);
        table.AddRow(["RTO / RPO", .. drills.Select(d => Markup.Escape($"{Seconds(d.Run.RtoSeconds)} / {Seconds(d.Run.RpoSeconds)}"))]);
        table.AddRow(["Teardown", .. drills.Select(d => d.ScratchLeft == 0 ? "[green]nothing left[/]" : $"[red]{d.ScratchLeft} left[/]")]);
        console.Write(table);
        console.MarkupLine(
            "Restored each to its own newest point, the tables hold different moments of the shop: orders placed after the customers table's point name customers it lacks. "
            + "Restored to one instant, every order's customer is there — that is the copy of the shop a recovery can run on.");
    }

    private static string Verdict(DrillRun run)
    {
        var verdict = run.Verdict ?? Core.Runs.Verdict.Error;
        var colour = verdict == Core.Runs.Verdict.Pass ? "green" : verdict == Core.Runs.Verdict.FailObjective ? "yellow" : "red";
        return $"[{colour} bold]{VerdictNames.Of(verdict)}[/]";
    }

    private static string Instant(ConsistencyDrill drill, string targetId)
    {
        var target = drill.Targets.FirstOrDefault(t => t.TargetId == targetId);
        if (target?.RecoveryPoint is not { } point)
        {
            return target?.Failure?.Reason ?? "not restored";
        }

        var skew = drill.Run.Instant?.SkewSeconds(target) is { } s ? $", skew {RunJudge.Minutes(s)}" : string.Empty;
        return $"{point.CreatedAt:HH:mm:ss.fff} ({RunJudge.Minutes((drill.Run.StartedAt - point.CreatedAt).TotalSeconds)} before T0{skew})";
    }

    private static string Seconds(double? seconds) => seconds is { } s ? RunJudge.Minutes(s) : "-";
}
