using DrillRunner.Core.Coverage;
using DrillRunner.Core.Runs;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Demo;
using Spectre.Console;

namespace DrillRunner.Cli.Output;

/// <summary>The stack-deleted demo in three parts: what the audit said before, what the deletion did, what the recovery drill restored and what is gone for good.</summary>
public static class StackDeletedPrinter
{
    public static void Print(IAnsiConsole console, StackDeletedOutcome outcome)
    {
        console.MarkupLine("[bold]1. Before: the coverage audit[/]");
        console.MarkupLineInterpolated($"{outcome.Before.Headline()}");
        foreach (var (resource, finding) in outcome.Before.Findings)
        {
            var colour = finding.Advisory ? "grey" : FindingSeverities.Of(finding.Kind) == FindingSeverity.Critical ? "red" : "yellow";
            console.MarkupLineInterpolated($"[{colour}]{FindingNames.Of(finding.Kind)}{(finding.Advisory ? " (advisory)" : string.Empty)}[/]  {finding.Sentence}");
        }

        CoveragePrinter.PrintSurvival(console, outcome.Before);

        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]2. The deletion[/]: stack '{outcome.Deletion.StackName}' ended {outcome.Deletion.Status}");
        var deleted = new Table().Border(TableBorder.Rounded).AddColumns("Resource", "DeletionPolicy", "What happened", "What is left of it");
        foreach (var resource in outcome.Deletion.Resources)
        {
            deleted.AddRow(
                Markup.Escape($"{resource.PhysicalId}\n({resource.LogicalId})"),
                Markup.Escape(resource.Policy),
                $"[{(resource.Fate == ResourceFate.Deleted ? "red" : "green")}]{Markup.Escape(Fate(resource.Fate))}[/]\n{Markup.Escape(resource.Why)}",
                Markup.Escape(Left(resource, outcome.PointsLeft.GetValueOrDefault(resource.PhysicalId) ?? [])));
        }

        console.Write(deleted);

        console.WriteLine();
        var verdict = outcome.Recovery.Verdict ?? Verdict.Error;
        console.MarkupLineInterpolated($"[bold]3. The recovery drill[/]: plan {outcome.Recovery.PlanName}, run {outcome.Recovery.RunId}: [bold]{VerdictNames.Of(verdict)}[/]");
        var restored = new Table().Border(TableBorder.Rounded).AddColumns("Target", "Restored?", "From", "Why");
        foreach (var target in outcome.Targets)
        {
            var ok = target.Stage == TargetStage.Verified;
            restored.AddRow(
                Markup.Escape($"{target.TargetId}\n({target.SourceName})"),
                ok ? "[green]restored and verified[/]" : "[red]no[/]",
                Markup.Escape(From(target) + (target.RecoveryPoint is { } point ? $"\n(data {RunJudge.Minutes((outcome.Recovery.StartedAt - point.CreatedAt).TotalSeconds)} old at the drill's start: the RPO)" : string.Empty)),
                Markup.Escape(ok ? Verified(target) : target.Failure?.Reason ?? "not finished"));
        }

        console.Write(restored);
        console.MarkupLineInterpolated($"Teardown: {(outcome.ScratchLeft == 0 ? "nothing left" : $"{outcome.ScratchLeft} scratch resource(s) left")}.");
        foreach (var gone in outcome.GoneForGood)
        {
            console.MarkupLineInterpolated($"[red bold]Gone for good:[/] {gone.SourceName}. {gone.Failure?.Reason}");
        }

        console.MarkupLine(
            "What survived the stack is what lived outside it: the system backup DynamoDB keeps of a deleted table with point-in-time recovery, "
            + "the table whose deletion protection failed the stack's deletion, and the copy in another account's locked vault. "
            + "The audit named the lost table before the deletion; `drill coverage --fail-on STACK_DELETE_LOSES_DATA` fails a pipeline on it (and on the one finding more severe, NOT_PROTECTED).");
    }

    /// <summary>What outlived the deletion: the resource itself, what the deletion kept (a system backup, a final snapshot), and recovery points in vaults, which no stack deletes.</summary>
    private static string Left(ResourceDeleted resource, IReadOnlyList<string> points)
    {
        var left = new List<string>();
        if (resource.Fate is ResourceFate.Kept or ResourceFate.DeletionFailed)
        {
            left.Add("the resource itself");
        }

        if (resource.Kept is { } kept)
        {
            left.Add(resource.Fate == ResourceFate.SnapshotKept ? $"its final snapshot {kept}" : $"DynamoDB's system backup {kept}");
        }

        left.AddRange(points.Select(p => $"its AWS Backup recovery point in {p}"));
        return left.Count == 0 ? "nothing: its data is gone" : string.Join("\n", left);
    }

    private static string Fate(ResourceFate fate) => fate switch
    {
        ResourceFate.Kept => "kept (retained)",
        ResourceFate.SnapshotKept => "deleted, final snapshot kept",
        ResourceFate.DeletionFailed => "deletion failed: it stays",
        _ => "deleted",
    };

    private static string From(TargetRun target) => target.RecoveryPoint switch
    {
        null => "nothing survived",
        { BackupArn: { } arn } when target.Backup?.Copy is { } copy => copy.Sentence(arn),
        { BackupArn: { } arn } point => $"{point.Kind} {arn} of {point.CreatedAt:u}",
        { } point => $"{point.Kind} at {point.CreatedAt:u}",
    };

    private static string Verified(TargetRun target) =>
        target.Verification is { } verification ? $"{verification.ItemCount:N0} items restored" : "verified";
}
