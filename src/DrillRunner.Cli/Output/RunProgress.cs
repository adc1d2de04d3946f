using DrillRunner.Core.Reporting;
using DrillRunner.Core.Requests;
using DrillRunner.Core.Runs;
using Spectre.Console;

namespace DrillRunner.Cli.Output;

/// <summary>
/// Live progress as plain lines, one per change, so a CI log reads as well as a terminal:
/// each target's stage, how long it has been in it, and what earlier runs took.
/// </summary>
public sealed class RunProgress(IAnsiConsole console, IReadOnlyDictionary<string, TimeSpan> expectedRestore, TimeProvider time)
{
    private readonly Dictionary<string, TargetStage> _shown = new(StringComparer.Ordinal);
    private RunStatus? _status;

    public void Show(RunSnapshot snapshot)
    {
        var now = time.GetUtcNow();
        var elapsed = RunJudge.Minutes((now - snapshot.Run.StartedAt).TotalSeconds);
        if (_status != snapshot.Run.Status)
        {
            _status = snapshot.Run.Status;
            console.MarkupLineInterpolated($"[grey]{elapsed,8}[/] run {snapshot.Run.RunId} of plan {snapshot.Run.PlanName} v{snapshot.Run.PlanVersion}: {snapshot.Run.Status}");
        }

        foreach (var target in snapshot.Targets)
        {
            if (_shown.TryGetValue(target.TargetId, out var stage) && stage == target.Stage)
            {
                continue;
            }

            _shown[target.TargetId] = target.Stage;
            var since = StageExpectations.StageStartedAt(target, snapshot.Run.StartedAt) is { } started ? $", in stage {RunJudge.Minutes((now - started).TotalSeconds)}" : string.Empty;
            var expected = target.Stage == TargetStage.Restoring && expectedRestore.TryGetValue(target.TargetId, out var typical)
                ? $", restores took ~{RunJudge.Minutes(typical.TotalSeconds)} before"
                : string.Empty;
            var failure = target.Failure is { } f ? $": {f.Error}" : string.Empty;
            console.MarkupLineInterpolated($"[grey]{elapsed,8}[/] {target.TargetId,-12} {target.Stage}{failure}{since}{expected}");
        }
    }
}
