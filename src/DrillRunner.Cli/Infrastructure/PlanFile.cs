using DrillRunner.Core.Plans;
using Spectre.Console;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>Reads a plan file for `plan validate` and `plan apply`; a missing file is a usage error that names the path.</summary>
internal static class PlanFile
{
    /// <returns>The file's text and what the reader made of it, or null after saying the file is missing.</returns>
    /// <param name="runsTable">The runs table the plan is for, when known: the reader refuses a scratch prefix it starts with.</param>
    public static async Task<(string Json, PlanValidationResult Result)?> ReadAsync(string path, IAnsiConsole diagnostics, CancellationToken cancellationToken, string? runsTable = null)
    {
        if (!File.Exists(path))
        {
            diagnostics.WriteError($"plan file '{path}' does not exist. Fix: give the path of a plan JSON file.");
            return null;
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken);
        return (json, PlanReader.Read(json, runsTable));
    }

    /// <summary>Every problem, with its JSON path and fix.</summary>
    public static void WriteProblems(IAnsiConsole console, IReadOnlyList<PlanProblem> problems)
    {
        foreach (var problem in problems)
        {
            console.MarkupLineInterpolated($"  [yellow]{problem.Path}[/] {problem.Message}");
            console.MarkupLineInterpolated($"      fix: {problem.Fix}");
        }
    }
}
