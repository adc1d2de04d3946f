using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Drills;

/// <summary>A run with the plan it snapshotted, loaded once per task.</summary>
public sealed record RunContext(DrillRun Run, DrillPlan Plan)
{
    public static async Task<RunContext> LoadAsync(IRunStore runs, string runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken);
        var plan = PlanReader.Read(run.PlanJson).PlanOrThrow();
        return new RunContext(run, plan);
    }
}
