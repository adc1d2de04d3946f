namespace DrillRunner.Core.Runs;

/// <summary>
/// What a drill cost, as the run record keeps it: the runner's own part (Step Functions transitions,
/// Lambda invocations and GB-seconds, runs-table requests) and the part any restore test pays (restoring
/// per GB, the counts' read units, scratch storage while it lived). <c>Capacity.DrillCost</c> estimates it.
/// </summary>
public sealed record RunCost(
    string Region,
    string PricesTakenOn,
    long StateTransitions,
    long LambdaInvocations,
    double LambdaGbSeconds,
    double RunsTableReadUnits,
    double RunsTableWriteUnits,
    double RestoredGb,
    double CountReadUnits,
    double ScratchGbHours,
    double RunnerUsd,
    double RestoreAndCheckUsd,
    int Targets,
    long RestoreLooks = 0)
{
    /// <summary>The runner's own cost per target: the goal is at most $0.01.</summary>
    public double RunnerUsdPerTarget => Targets == 0 ? 0 : RunnerUsd / Targets;
}
