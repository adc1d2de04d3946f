using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>`drill run --local --wait` killed mid-drill: the next local command ends that run and cleans up, with no six-hour wait.</summary>
public sealed class LocalStoreRecoveryTests
{
    [Fact]
    public async Task OpeningTheStore_EndsTheRunOfAKilledCommand_FreesThePlan_AndDeletesWhatItRestored()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"drill-store-{Guid.NewGuid():N}");
        try
        {
            await LocalStore.SetUpDemoAsync(directory, DemoScenario.Find(DemoScenario.Healthy)!, TimeProvider.System, "a test", _ => { }, CancellationToken.None);
            string runId;
            await using (var killed = await LocalStore.OpenAsync(directory, TimeProvider.System, "a test", CancellationToken.None))
            {
                using var kill = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killed.Environment.RunDrillAsync(new BeginRequest(DemoPlan.Name, "manual", "release 4.2", null, null), e =>
                {
                    if (e.Type == "StateEntered" && e.State == "VerifyTarget")
                    {
                        kill.Cancel(); // the command dies here: no Catch, no teardown
                    }
                }, kill.Token));
                await Task.Delay(500);
                var summary = Assert.Single(await killed.Environment.Services.Runs.HistoryAsync(DemoPlan.Name, null, 10, CancellationToken.None));
                runId = summary.RunId;
                Assert.Equal(RunStatus.Running, summary.Status);
                Assert.NotEmpty(await killed.Environment.TablesStartingWithAsync($"{DemoPlan.ScratchPrefix}{runId}", CancellationToken.None));
            }

            await using var next = await LocalStore.OpenAsync(directory, TimeProvider.System, "a test", CancellationToken.None);

            var run = await next.Environment.Services.Runs.GetAsync(runId, CancellationToken.None);
            Assert.Equal(RunStatus.Stopped, run.Status);
            Assert.Equal(Verdict.Error, run.Verdict);
            Assert.Contains("the local runner stopped", run.VerdictReason, StringComparison.Ordinal);
            Assert.Null(await next.Environment.Services.Runs.GetPlanLockAsync(DemoPlan.Name, TimeProvider.System.GetUtcNow(), CancellationToken.None));
            Assert.Empty(await next.Environment.ScratchTablesLeftAsync($"{DemoPlan.ScratchPrefix}{runId}", TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None));
        }
        finally
        {
            LocalStore.Reset(directory);
        }
    }
}
