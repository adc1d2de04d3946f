using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Core.Teardown;
using DrillRunner.Core.Tests.Drills;
using DrillRunner.Core.Tests.Fakes;

namespace DrillRunner.Core.Tests.Teardown;

/// <summary>Teardown deletes only what passes the guard, and never a source.</summary>
public sealed class TeardownRunTests : DrillOnFakes
{
    [Fact]
    public async Task Teardown_DeletesOnlyWhatPassesTheGuardAndReleasesTheLock()
    {
        var target = await RestoringAsync();
        var name = ScratchName(target.RunId);
        Scratch.States[name] = ScratchTableState.Active;
        Scratch.Tags[FakeScratchTables.Arn(name)][TeardownGuard.RunIdTag] = "someone-else";

        var result = await new TeardownRun(Runs, Scratch, Clock).ExecuteAsync(new TeardownInput(target.RunId, null), default);

        Assert.Empty(Scratch.Deleted);
        Assert.Equal(1, result.ScratchResourcesLeft);
        Assert.StartsWith("refused", (await Runs.GetTargetAsync(target.RunId, "orders", default)).Scratch!.TeardownNote, StringComparison.Ordinal);
        Assert.Empty(Runs.Locks);
    }

    [Fact]
    public async Task Teardown_OwnTaggedScratchTable_IsDeleted()
    {
        var target = await RestoringAsync();
        Scratch.States[ScratchName(target.RunId)] = ScratchTableState.Active;

        var result = await new TeardownRun(Runs, Scratch, Clock).ExecuteAsync(new TeardownInput(target.RunId, null), default);

        Assert.Equal([ScratchName(target.RunId)], Scratch.Deleted);
        Assert.Equal(0, result.ScratchResourcesLeft);
        Assert.Equal(RunStatus.TornDown, (await Runs.GetAsync(target.RunId, default)).Status);
    }

    [Fact]
    public async Task Teardown_OfManyTables_DeletesEachOnceAndRecordsEveryOne()
    {
        var begun = await BeginAsync();
        var names = Enumerable.Range(1, 3 * TeardownRun.ConcurrentDeletions).Select(i => $"drill-{begun.RunId}-t{i}").ToList();
        foreach (var name in names)
        {
            Scratch.States[name] = ScratchTableState.Active;
            Scratch.Tags[FakeScratchTables.Arn(name)] = new() { [TeardownGuard.RunIdTag] = begun.RunId };
            await Runs.SaveTargetAsync(new TargetRun(begun.RunId, name, "src") { Scratch = new ScratchResource(name, FakeScratchTables.Arn(name), CreatedByRun: true) }, default);
        }

        var result = await new TeardownRun(Runs, Scratch, Clock).ExecuteAsync(new TeardownInput(begun.RunId, null), default);

        Assert.Equal(names.Order(), Scratch.Deleted.Order());
        Assert.All((await Runs.GetTargetsAsync(begun.RunId, default)).Where(t => t.Scratch is not null), t => Assert.Equal("deleted", t.Scratch!.TeardownNote));
        Assert.Equal(0, result.ScratchResourcesLeft);
        Assert.Empty(Runs.Locks);
    }

    [Fact]
    public async Task Teardown_AtTheAccountsTableOperationLimit_ThrowsBusySoTheStateMachineRetries_ThenDeletes()
    {
        var target = await RestoringAsync();
        var name = ScratchName(target.RunId);
        Scratch.States[name] = ScratchTableState.Active;
        Scratch.AtTableOperationLimit.Add(name);

        var busy = await Assert.ThrowsAsync<ScratchTableBusy>(() => new TeardownRun(Runs, Scratch, Clock).ExecuteAsync(new TeardownInput(target.RunId, null), default));

        Assert.Contains("limit on simultaneous table operations", busy.Message, StringComparison.Ordinal);
        Assert.Contains("limit", (await Runs.GetTargetAsync(target.RunId, "orders", default)).Scratch!.TeardownNote, StringComparison.Ordinal);
        await new TeardownRun(Runs, Scratch, Clock).ExecuteAsync(new TeardownInput(target.RunId, null), default);
        Assert.Equal([name], Scratch.Deleted);
    }

    [Fact]
    public async Task Teardown_TableStillRestoring_ThrowsBusySoTheStateMachineRetries()
    {
        var target = await RestoringAsync();

        await Assert.ThrowsAsync<ScratchTableBusy>(() => new TeardownRun(Runs, Scratch, Clock).ExecuteAsync(new TeardownInput(target.RunId, null), default));
        Assert.NotEmpty(Runs.Locks);
    }

    [Fact]
    public async Task Teardown_NeverTouchesTheSourceTable()
    {
        var target = await RestoringAsync();
        Scratch.States[ScratchName(target.RunId)] = ScratchTableState.Active;
        await Runs.SaveTargetAsync(target with { Scratch = target.Scratch! with { Name = "orders-prod" } }, default);
        Scratch.States["orders-prod"] = ScratchTableState.Active;
        Scratch.Tags[FakeScratchTables.Arn("orders-prod")] = new() { [TeardownGuard.RunIdTag] = target.RunId };

        await new TeardownRun(Runs, Scratch, Clock).ExecuteAsync(new TeardownInput(target.RunId, null), default);

        Assert.DoesNotContain("orders-prod", Scratch.Deleted);
    }
}
