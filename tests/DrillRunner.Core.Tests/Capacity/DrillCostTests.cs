using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Runs;

namespace DrillRunner.Core.Tests.Capacity;

/// <summary>The cost estimate says what the drill would cost in AWS, whatever pace the local engine polled at.</summary>
public sealed class DrillCostTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARestoreLookedAtHundredsOfTimesLocally_CostsWhatTheScheduleWouldLookInAws()
    {
        // The slow-restore scenario: a 35-second restore, looked at every 0.1 s by the local engine.
        var local = Restored(TimeSpan.FromSeconds(35), polls: 1_935);
        var paced = Restored(TimeSpan.FromSeconds(35), polls: PollSchedule.Follow(TimeSpan.FromSeconds(35), null, TimeSpan.FromDays(1)).Looks);

        var estimated = DrillCost.Estimate([local], _ => false, T0.AddMinutes(5), "us-east-1");

        Assert.Equal(DrillCost.Estimate([paced], _ => false, T0.AddMinutes(5), "us-east-1"), estimated);
        Assert.Equal(PollSchedule.Follow(TimeSpan.FromSeconds(35), null, TimeSpan.FromDays(1)).Looks, estimated.RestoreLooks);
        Assert.True(estimated.RunnerUsd < 0.005, $"${estimated.RunnerUsd:0.0000}");
    }

    [Fact]
    public void ALongRestore_CountsTheSchedulesLooksAtItsForecast()
    {
        var restore = TimeSpan.FromHours(2);
        var target = Restored(restore, polls: 3) with { Forecast = new RestoreForecast(restore.TotalSeconds, RestoreForecast.FromEarlierDrills) };

        Assert.Equal(PollSchedule.Follow(restore, restore, TimeSpan.FromDays(1)).Looks, DrillCost.LooksOf(target));
    }

    [Fact]
    public void ARestoreThatNeverCompleted_CountsTheLooksTheRunMade()
    {
        var failed = new TargetRun("r", "orders", "shop-orders") { RestoreRequestedAt = T0, Polls = 7 };

        Assert.Equal(7, DrillCost.LooksOf(failed));
    }

    private static TargetRun Restored(TimeSpan took, int polls) => new("r", "orders", "shop-orders")
    {
        Stage = TargetStage.Verified,
        RestoreRequestedAt = T0,
        RestoreCompletedAt = T0 + took,
        VerifiedAt = T0 + took + TimeSpan.FromSeconds(1),
        Polls = polls,
    };
}
