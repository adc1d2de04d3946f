using DrillRunner.Core.Drills;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Native;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Fakes;
using DrillRunner.Core.Tests.Plans;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Drills;

/// <summary>A plan "prod" with one table target, over in-memory ports and a fake clock starting at T0.</summary>
public abstract class DrillOnFakes
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private protected FakeTimeProvider Clock { get; } = new(T0);

    private protected InMemoryRunStore Runs { get; } = new();

    private protected InMemoryPlanStore Plans { get; } = new();

    private protected FakeScratchTables Scratch { get; } = new();

    private protected InMemoryDrillRequests Requests { get; } = new();

    private protected FakeRecoveryPoints RecoveryPoints { get; } = new();

    private protected async Task<BeginResult> BeginAsync()
    {
        await Plans.SaveAsync("prod", PlanSamples.Valid, T0, default);
        return await new BeginDrill(Plans, Runs, Requests, RecoveryPoints, Clock, new Random(1)).ExecuteAsync(new BeginRequest("prod", "schedule", null, null, null), default);
    }

    private protected async Task<TargetRun> RestoringAsync()
    {
        var begun = await BeginAsync();
        var record = await Runs.GetTargetAsync(begun.RunId, "orders", default);
        await Runs.SaveTargetAsync(record with { Stage = TargetStage.Resolved, RecoveryPoint = new RecoveryPoint(RecoveryPoint.Pitr, null, T0.AddMinutes(-5)) }, default);
        await new StartRestore(Runs, Scratch, Clock).ExecuteAsync(new TargetRef(begun.RunId, "orders"), default);
        return await Runs.GetTargetAsync(begun.RunId, "orders", default);
    }

    protected static string ScratchName(string runId) => $"drill-{runId}-orders-prod";
}
