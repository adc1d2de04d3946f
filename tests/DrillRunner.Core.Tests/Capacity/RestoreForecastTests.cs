using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Native;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Tests.Drills;

namespace DrillRunner.Core.Tests.Capacity;

/// <summary>Where a restore's forecast comes from, and that the first look follows it.</summary>
public sealed class RestoreForecastTests : DrillOnFakes
{
    [Fact]
    public async Task FirstDrill_ForecastsFromTheTablesSize_AndLooksSparselyAtFirst()
    {
        Scratch.SourceSizeBytes = 4 * DynamoDbCapacity.GiB;

        var target = await RestoringAsync();

        Assert.Equal(RestoreForecast.FromTableSize, target.Forecast!.From);
        Assert.Equal(DynamoDbCapacity.ExpectedRestore(4 * DynamoDbCapacity.GiB).TotalSeconds, target.Forecast.Seconds);
        Assert.Equal(4 * DynamoDbCapacity.GiB, target.SourceSizeBytes);
        var poll = await new CheckTableRestore(Runs, Scratch, Clock).ExecuteAsync(new RestorePoll(target.RunId, "orders", false, 0, 0), default);
        Assert.Equal((int)(PollSchedule.SparseFraction * target.Forecast.Seconds), poll.WaitSeconds);
    }

    [Fact]
    public async Task LaterDrill_ForecastsFromThisTargetsEarlierRestore_BeforeItsSize()
    {
        Scratch.SourceSizeBytes = 4 * DynamoDbCapacity.GiB;
        var first = await RestoringAsync();
        var requested = first.RestoreRequestedAt!.Value;
        await Runs.SaveTargetAsync(first with { RestoreCompletedNotBefore = requested.AddMinutes(39), RestoreCompletedAt = requested.AddMinutes(40) }, default);
        await Runs.ReleasePlanLockAsync("prod", first.RunId, default);
        Clock.Advance(TimeSpan.FromDays(7));

        var second = await RestoringAsync();

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal(RestoreForecast.FromEarlierDrills, second.Forecast!.From);
        Assert.Equal(TimeSpan.FromMinutes(39.5), second.Forecast.Duration);
    }

    [Fact]
    public async Task NoSizeAndNoEarlierDrill_NoForecast()
    {
        var target = await RestoringAsync();

        Assert.Null(target.Forecast);
    }
}
