using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>Computes RTO and RPO, judges them against the objectives and records the verdict.</summary>
public sealed class ConcludeDrill(IRunStore runs, TimeProvider time, string? defaultTopicArn = null)
{
    public async Task<Conclusion> ExecuteAsync(RunRef input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var targets = await runs.GetTargetsAsync(input.RunId, cancellationToken);
        var judgement = RunJudge.Judge(context.Run, targets);
        var run = context.Run with
        {
            Verdict = judgement.Verdict,
            VerdictReason = judgement.Reason,
            RtoSeconds = judgement.RtoSeconds,
            RpoSeconds = judgement.RpoSeconds,
            Status = RunStatus.Concluded,
            ConcludedAt = time.GetUtcNow(),
        };
        await runs.SaveAsync(run, cancellationToken);
        return Notification.For(run, context.Plan.SnsTopicArn ?? defaultTopicArn);
    }
}
