using DrillRunner.Core.Runs;
using Spectre.Console;

namespace DrillRunner.Cli.Output;

/// <summary>A run as a person reads it: the verdict and why, RTO/RPO against objectives, each target's stages.</summary>
public static class RunPrinter
{
    public static void Print(IAnsiConsole console, DrillRun run, IReadOnlyList<TargetRun> targets, int scratchLeft)
    {
        var verdict = VerdictNames.Of(run.Verdict ?? Verdict.Error);
        var colour = run.Verdict == Verdict.Pass ? "green" : run.Verdict == Verdict.FailObjective ? "yellow" : "red";
        console.Write(new Rule($"[{colour} bold]{verdict}[/]  plan {Markup.Escape(run.PlanName)} v{run.PlanVersion}, run {Markup.Escape(run.RunId)}").LeftJustified());
        console.MarkupLineInterpolated($"[bold]Why:[/] {run.VerdictReason ?? "no reason recorded"}");

        var objectives = new Table().Border(TableBorder.Rounded).AddColumns("Measure", "Measured", "Objective", "Met");
        objectives.AddRow("RTO (T0 → healthy)", Seconds(run.RtoSeconds), RunJudge.Minutes(run.RtoObjectiveMinutes * 60), Met(run.RtoSeconds, run.RtoObjectiveMinutes));
        var olderPoint = RunJudge.ProvesOlderPoint(run, targets);
        objectives.AddRow(
            olderPoint ? "RPO (age of the older point proven)" : "RPO (T0 − recovery point)",
            Seconds(run.RpoSeconds),
            RunJudge.Minutes(run.RpoObjectiveMinutes * 60),
            olderPoint ? "[grey]not judged[/]" : Met(run.RpoSeconds, run.RpoObjectiveMinutes));
        console.Write(objectives);
        SelectionPrinter.Print(console, run.Selection);
        if (run.Instant is { } instant)
        {
            console.MarkupLineInterpolated(
                $"[bold]Common instant T:[/] {instant.At:u} ({instant.Select.Name()} second every one of {instant.ContinuousTargets} continuous target(s) could reach: {instant.WindowFrom:u} to {instant.WindowTo:u}{(instant.LatestBoundBy is { } by ? $", bounded by {by}" : string.Empty)}); largest skew {RunJudge.Minutes(targets.Select(instant.SkewSeconds).Max() ?? 0)}{(run.MaxSkewSeconds is { } max ? $" (max {RunJudge.Minutes(max)})" : string.Empty)}; seed {run.Seed}");
        }
        else if (olderPoint)
        {
            console.MarkupLineInterpolated($"[bold]Older points proven on purpose:[/] each drawn from the target's window with seed {run.Seed}; the RPO shown is their age and is not judged against the objective.");
        }
        if (run.Cost is { } cost)
        {
            console.MarkupLineInterpolated(
                $"[bold]Cost (estimate, in AWS):[/] runner ${cost.RunnerUsd:0.0000} (${cost.RunnerUsdPerTarget:0.00000} per target: {cost.StateTransitions} transitions, {cost.LambdaInvocations} invocations, {cost.RestoreLooks} {(cost.RestoreLooks == 1 ? "look" : "looks")} at restores as the poll schedule makes them in AWS); restoring and checking ${cost.RestoreAndCheckUsd:0.0000} ({cost.RestoredGb:0.##} GB restored, {cost.CountReadUnits:0} read units counted) — {cost.Region} prices of {cost.PricesTakenOn}");
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Target", "Recovery point", "Restore", "Verify", "Checked (expected)", "Outcome", "Teardown");
        foreach (var target in targets)
        {
            table.AddRow(
                Markup.Escape(target.TargetId),
                Markup.Escape(target.RecoveryPoint is { } point ? PointText(run, target, point) : "none"),
                Markup.Escape(Between(target.RestoreRequestedAt, target.RestoreCompletedAt) + (target.Polls > 0 ? $"\n{target.Polls} poll(s)" : string.Empty)
                    + (target.Forecast is { } forecast ? $"\nforecast {RunJudge.Minutes(forecast.Seconds)} ({forecast.From})" : string.Empty)),
                Markup.Escape(Between(target.RestoreCompletedAt, target.VerifiedAt)),
                Markup.Escape(Checked(target)),
                target.Failure is { } failure ? $"[red]{Markup.Escape(failure.Error)}[/]" : $"[green]{target.Stage}[/]",
                Markup.Escape(target.Scratch is { } s ? s.TeardownNote ?? (s.TornDown ? "deleted" : "not torn down") : "nothing created"));
        }

        console.Write(table);
        foreach (var target in targets.Where(t => t.Failure is not null))
        {
            console.MarkupLineInterpolated($"[red]{target.TargetId} failed:[/] {target.Failure!.Reason}");
        }

        foreach (var target in targets.Where(t => t.RunbookGap is not null))
        {
            var gap = target.RunbookGap!;
            console.MarkupLineInterpolated($"[{(gap.HasCompared ? "yellow" : "grey")}]runbook gap[/] {target.TargetId}: {gap.Sentence()}");
        }

        foreach (var target in targets.Where(t => t.Scratch is not null))
        {
            var into = target.Scratch!.Kind == Core.Kinds.ScratchKinds.DynamoDbTable ? target.Scratch.Name : $"{target.Scratch.Kind} {target.Scratch.Arn ?? target.Scratch.Name}";
            // A scratch name is recorded when the restore is asked for; "restored into" is said only of one that completed.
            var what = target.RestoreCompletedAt is not null
                ? $"{target.SourceName} restored into {into}"
                : $"the restore of {target.SourceName} into {into} {(target.Failure is not null ? "failed" : "did not complete")}";
            console.MarkupLineInterpolated($"[grey]{target.TargetId}: {what}[/]");
        }

        foreach (var target in targets.Where(t => t.Backup?.Copy is not null && t.RecoveryPoint?.BackupArn is not null))
        {
            console.MarkupLineInterpolated($"{target.TargetId}: {target.Backup!.Copy!.Sentence(target.RecoveryPoint!.BackupArn!)}");
        }

        foreach (var target in targets.Where(t => t.Backup?.RestoreJobId is not null))
        {
            var backup = target.Backup!;
            var validation = backup.ValidationStatus is null ? "no validation result reported" : $"validation {backup.ValidationStatus} {backup.ValidationNote}";
            console.MarkupLineInterpolated($"[grey]{target.TargetId}: AWS Backup restore job {backup.RestoreJobId} {backup.JobStatus}; {validation}[/]");
        }

        foreach (var target in targets.Where(t => t.Verifier is not null))
        {
            var answer = target.Verifier!;
            console.MarkupLineInterpolated($"{target.TargetId}: verifier {answer.Function} {(answer.Passed ? "passed" : "failed")}: {answer.Message}");
        }

        foreach (var check in run.HealthChecks)
        {
            var mark = check.Passed ? "[green]passed[/]" : "[red]failed[/]";
            console.MarkupLine($"Health check [bold]{Markup.Escape(check.Name)}[/] {mark}: {Markup.Escape(check.Detail)}");
        }

        PrintRelations(console, run);
        console.MarkupLine(scratchLeft == 0
            ? "[green]Teardown:[/] no scratch resource left behind."
            : $"[red]Teardown:[/] {scratchLeft} scratch resource(s) left behind.");
    }

    /// <summary>Kind and instant of the point restored, its age at T0, how it was chosen, and its skew from a common instant.</summary>
    private static string PointText(DrillRun run, TargetRun target, RecoveryPoint point)
    {
        var text = $"{point.Kind} {point.CreatedAt:HH:mm:ss}\n{RunJudge.Minutes((run.StartedAt - point.CreatedAt).TotalSeconds)} before T0";
        if (run.Instant?.SkewSeconds(target) is { } skew)
        {
            text += $"\nskew {RunJudge.Minutes(skew)} from T";
        }
        else if (point.Select != PointSelect.Latest)
        {
            text += $"\n{point.Select.Name()} point";
        }

        return text;
    }

    /// <summary>Each relation of the plan: holds, does not hold, or not checked and why, with its sample's seed.</summary>
    private static void PrintRelations(IAnsiConsole console, DrillRun run)
    {
        foreach (var relation in run.Relations)
        {
            var mark = !relation.Checked ? "[grey]not checked[/]" : relation.Passed ? "[green]holds[/]" : "[red]does not hold[/]";
            console.MarkupLine($"Relation [bold]{Markup.Escape(relation.RelationId)}[/] ({Markup.Escape(relation.Description)}) {mark}: {Markup.Escape(relation.Why + RelationSummary.Sample(relation))}");
        }
    }

    /// <summary>What verification measured, by what was restored: items, objects and bytes, or a resource's state.</summary>
    private static string Checked(TargetRun target) => target switch
    {
        { Verification: { } v } => $"{v.ItemCount:N0} items\n({Range(v.ExpectedMin, v.ExpectedMax)})",
        { Bucket: { Restored.Done: true } b } => $"{b.Restored.Objects:N0} objects, {b.Restored.Bytes:N0} B\n({Range(b.ExpectedMinObjects, b.ExpectedMaxObjects)})",
        { Resource: { } r } => $"{r.Status}{(r.Endpoint is null ? string.Empty : $"\n{r.Endpoint}{(r.Connected == true ? " accepts TCP" : r.Connected == false ? " refused TCP" : string.Empty)}")}",
        _ => "-",
    };

    private static string Seconds(double? seconds) => seconds is { } s ? RunJudge.Minutes(s) : "not measured";

    private static string Met(double? seconds, double objectiveMinutes) =>
        seconds is not { } s ? "[grey]-[/]" : s <= objectiveMinutes * 60 ? "[green]yes[/]" : "[red]no[/]";

    private static string Between(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } a && to is { } b ? RunJudge.Minutes((b - a).TotalSeconds) : "-";

    private static string Range(long? min, long? max) => (min, max) switch
    {
        (null, null) => "any",
        ({ } low, null) => $"≥ {low:N0}",
        (null, { } high) => $"≤ {high:N0}",
        ({ } low, { } high) when low == high => $"= {low:N0}",
        ({ } low, { } high) => $"{low:N0}–{high:N0}",
    };
}
