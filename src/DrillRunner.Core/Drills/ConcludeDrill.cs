using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>Computes RTO and RPO, judges them against the objectives and records the verdict.</summary>
public sealed class ConcludeDrill(IRunStore runs, TimeProvider time, string? defaultTopicArn = null, string? region = null)
{
    public async Task<Conclusion> ExecuteAsync(RunRef input, CancellationToken cancellationToken)
    {
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        var targets = await runs.GetTargetsAsync(input.RunId, cancellationToken);
        var judgement = RunJudge.Judge(context.Run, targets);
        var now = time.GetUtcNow();
        var run = context.Run with
        {
            Cost = Capacity.DrillCost.Estimate(targets, id => context.Plan.Target(id) is Plans.AwsBackupTarget, now, region),
            Verdict = judgement.Verdict,
            VerdictReason = judgement.Reason,
            RtoSeconds = judgement.RtoSeconds,
            RpoSeconds = judgement.RpoSeconds,
            Status = RunStatus.Concluded,
            ConcludedAt = now,
        };
        await runs.SaveAsync(run, cancellationToken);
        return Notification.For(run, context.Plan.SnsTopicArn ?? defaultTopicArn);
    }
}
