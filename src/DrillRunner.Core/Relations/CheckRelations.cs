using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Relations;

/// <summary>
/// Checks the plan's relations once every target is verified, on the restored (scratch) resources only: references
/// by a seeded sample of the "from" table, count ratios from each target's verified count. Each relation's result is
/// kept in the run record; the verdict (<see cref="RunJudge"/>) fails the drill on one that does not hold.
/// </summary>
public sealed class CheckRelations(IRunStore runs, IRelationReader tables, IBucketInspector? buckets, TimeProvider time, Random random, TimeSpan budget)
{
    public CheckRelations(IRunStore runs, IRelationReader tables, IBucketInspector? buckets, TimeProvider time, Random random)
        : this(runs, tables, buckets, time, random, LambdaLimits.VerificationBudget)
    {
    }

    public async Task<RunRef> ExecuteAsync(RunRef input, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + budget;
        bool OutOfTime() => time.GetUtcNow() >= deadline;
        var context = await RunContext.LoadAsync(runs, input.RunId, cancellationToken);
        if (context.Plan.Relations.Count == 0)
        {
            return input;
        }

        var targets = (await runs.GetTargetsAsync(input.RunId, cancellationToken)).ToDictionary(t => t.TargetId, StringComparer.Ordinal);
        var results = new List<RelationResult>();
        foreach (var relation in context.Plan.Relations)
        {
            var index = results.Count;
            results.Add(NotCheckable(relation, targets) ?? (OutOfTime()
                ? NotChecked(relation, "CheckRelations ran out of its time before reaching it (the relations before it took the invocation's budget); lower their sampleSize")
                : relation switch
                {
                    ReferenceRelation reference => await new ReferenceCheck(tables, buckets, context.Run.RunId).RunAsync(reference, index, targets[reference.FromTarget], targets[reference.ToTarget], random.Next(), OutOfTime, cancellationToken),
                    CountRatioRelation ratio => CountRatioCheck.Run(ratio, targets[ratio.Target], targets[ratio.Per]),
                    _ => throw new InvalidOperationException($"Relation '{relation.Id}' is of a kind CheckRelations does not know ({relation.GetType().Name})."),
                }));
        }

        await runs.SaveAsync(context.Run with { Relations = results }, cancellationToken);
        return input;
    }

    /// <summary>A relation naming a target that is not in the run, or that failed or was not verified, is not checked; this says why.</summary>
    private static RelationResult? NotCheckable(Relation relation, IReadOnlyDictionary<string, TargetRun> targets)
    {
        foreach (var (targetId, _) in relation.NamedTargets)
        {
            if (!targets.TryGetValue(targetId, out var target))
            {
                return NotChecked(relation, $"'{targetId}' is not a target of this drill");
            }

            if (target.Failure is { } failure)
            {
                return NotChecked(relation, $"target '{targetId}' failed ({failure.Reason})");
            }

            if (target.Stage != TargetStage.Verified || target.Scratch is null)
            {
                return NotChecked(relation, $"target '{targetId}' was not restored and verified (stopped at {target.Stage})");
            }
        }

        return null;
    }

    private static RelationResult NotChecked(Relation relation, string why) =>
        new(relation.Id, RelationText.Describe(relation), Checked: false, Passed: false, why);
}
