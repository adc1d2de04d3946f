using DrillRunner.Core.Janitor;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Safety;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Janitor;

/// <summary>Safety rule 5: leaked scratch tables of aborted runs are deleted, and only those.</summary>
public sealed class SweepScratchByPrefixTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly InMemoryRunStore _runs = new();
    private readonly FakeScratchTables _scratch = new();

    [Fact]
    public async Task Sweep_ExpiredTableOfAnAbortedRun_IsDeletedAndTheRunRecordSaysSo()
    {
        await LeakAsync("run-1", "drill-run-1-orders", expiresAt: T0.AddHours(6));
        _clock.Advance(TimeSpan.FromHours(7));

        var report = await Sweep();

        Assert.Equal(["drill-run-1-orders"], _scratch.Deleted);
        Assert.Equal("run-1", Assert.Single(report.Deleted).RunId);
        var note = (await _runs.GetTargetAsync("run-1", "orders", default)).Scratch!;
        Assert.True(note.TornDown);
        Assert.Contains("janitor", note.TeardownNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_TableNotYetExpired_IsLeftToItsRun()
    {
        await LeakAsync("run-1", "drill-run-1-orders", expiresAt: T0.AddHours(6));

        var report = await Sweep();

        Assert.Empty(_scratch.Deleted);
        Assert.Equal(1, report.StillInUse);
    }

    [Fact]
    public async Task Sweep_PrefixedTableNoRunRecorded_IsRefusedNotDeleted()
    {
        _scratch.States["drill-someone-elses"] = ScratchTableState.Active;
        _scratch.Tags[FakeScratchTables.Arn("drill-someone-elses")] = new()
        {
            [TeardownGuard.RunIdTag] = "run-9",
            [TeardownGuard.ExpiresAtTag] = "2020-01-01T00:00:00Z",
        };

        var report = await Sweep();

        Assert.Empty(_scratch.Deleted);
        Assert.Contains("no run record", Assert.Single(report.Refused).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_PrefixedTableWithoutExpiryTag_IsRefusedNotDeleted()
    {
        _scratch.States["drill-handmade"] = ScratchTableState.Active;

        var report = await Sweep();

        Assert.Empty(_scratch.Deleted);
        Assert.Single(report.Refused);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Janitor_WithoutAScratchPrefix_IsRefusedWhenBuilt(string prefix)
    {
        Assert.Equal("scratchPrefix", Assert.Throws<ArgumentException>(() => new SweepScratchByPrefix(_runs, _scratch, _clock, prefix)).ParamName);
        Assert.Equal("scratchPrefix", Assert.Throws<ArgumentException>(() => new ChooseExpiredTaggedResources(_runs, _clock, prefix)).ParamName);
    }

    private Task<DrillRunner.Core.Drills.Contracts.JanitorReport> Sweep() => new SweepScratchByPrefix(_runs, _scratch, _clock, "drill-").ExecuteAsync(default);

    private async Task LeakAsync(string runId, string table, DateTimeOffset expiresAt)
    {
        await _runs.CreateAsync(
            new DrillRun(runId, "prod", 1, "{}", "schedule", T0),
            [new TargetRun(runId, "orders", "orders-prod") { Stage = TargetStage.Restoring, Scratch = new ScratchResource(table, FakeScratchTables.Arn(table), CreatedByRun: true) }],
            default);
        _scratch.States[table] = ScratchTableState.Active;
        _scratch.Tags[FakeScratchTables.Arn(table)] = new()
        {
            [TeardownGuard.RunIdTag] = runId,
            [TeardownGuard.ExpiresAtTag] = expiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
