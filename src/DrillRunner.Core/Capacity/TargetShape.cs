namespace DrillRunner.Core.Capacity;

/// <summary>
/// One target's child execution along one path (native DynamoDB or AWS Backup): what it makes once,
/// what each look at its restore adds, and what each verification round adds.
/// </summary>
public sealed record TargetShape(PathShape Once, PathShape Look, PathShape VerificationRound)
{
    /// <summary>The execution of a target whose restore was looked at <paramref name="looks"/> times and verified in <paramref name="rounds"/> rounds; a table also reads its source's auto scaling.</summary>
    public PathShape With(long looks, long rounds, bool readsSourceScaling) =>
        Once + (Look * looks) + (VerificationRound * rounds) + (readsSourceScaling ? WorkflowShape.SourceScaling : PathShape.None);
}
