using DrillRunner.Core.Capacity;
using DrillRunner.Core.Kinds;

namespace DrillRunner.Core.Tests.Capacity;

/// <summary>The detection lag goal, max(10 s, 1 % of the restore), and what it costs in looks.</summary>
public sealed class PollScheduleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromHours(12);

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(120)]
    [InlineData(480)]
    public void ForecastWithinItsWindow_FindsTheRestoreWithinOnePercent(int minutes)
    {
        var forecast = TimeSpan.FromMinutes(minutes);
        // The restore ends anywhere from the window's start to 50 % later than forecast.
        foreach (var ratio in new[] { 0.8, 0.9, 1.0, 1.1, 1.5 })
        {
            var actual = forecast * ratio;
            var (looks, lag) = PollSchedule.Follow(actual, forecast, Timeout);

            Assert.True(lag.TotalSeconds <= Math.Max(PollSchedule.MinWaitSeconds, PollSchedule.DenseFraction * actual.TotalSeconds) + 1, $"{minutes} min × {ratio}: lag {lag}");
            // A forecast 50 % short costs dense looks all the way; a good one, a few sparse looks and ~25 dense ones.
            Assert.True(looks <= (ratio <= 1.1 ? 45 : 80), $"{minutes} min × {ratio}: {looks} looks");
        }
    }

    [Fact]
    public void ForecastTooLong_FindsAnEarlyRestoreAtTheNextSparseLook()
    {
        var forecast = TimeSpan.FromHours(2);
        var (_, lag) = PollSchedule.Follow(TimeSpan.FromMinutes(50), forecast, Timeout);

        Assert.True(lag <= forecast * PollSchedule.SparseFraction, lag.ToString());
    }

    [Fact]
    public void WithoutForecast_LagStaysWithinFivePercent_AndLooksGrowOnlyLogarithmically()
    {
        var (shortLooks, shortLag) = PollSchedule.Follow(TimeSpan.FromMinutes(30), null, Timeout);
        var (longLooks, longLag) = PollSchedule.Follow(TimeSpan.FromHours(8), null, Timeout);

        Assert.True(shortLag.TotalSeconds <= PollSchedule.UnforecastFraction * 30 * 60 + 1, shortLag.ToString());
        Assert.True(longLag.TotalSeconds <= PollSchedule.UnforecastFraction * 8 * 3600 + 1, longLag.ToString());
        Assert.True(longLooks < shortLooks * 3, $"{shortLooks} looks for 30 min, {longLooks} for 8 h");
    }

    [Fact]
    public void NoWait_SleepsPastTheDeadline()
    {
        Assert.Equal(11, PollSchedule.WaitSeconds(TimeSpan.FromHours(3), null, TimeSpan.FromSeconds(10)));
        Assert.Equal(PollSchedule.MinWaitSeconds, PollSchedule.WaitSeconds(TimeSpan.Zero, null, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void TableSize_ForecastsAtLeastTheMinimumRestore_AndGrowsOnlyToOnePartition()
    {
        Assert.Equal(DynamoDbCapacity.MinimumRestore, DynamoDbCapacity.ExpectedRestore(0));
        Assert.True(DynamoDbCapacity.ExpectedRestore(DynamoDbCapacity.GiB) < DynamoDbCapacity.ExpectedRestore(10 * DynamoDbCapacity.GiB));
        Assert.Equal(DynamoDbCapacity.ExpectedRestore(10 * DynamoDbCapacity.GiB), DynamoDbCapacity.ExpectedRestore(DynamoDbCapacity.TiB));
    }

    [Fact]
    public void ScanSegments_AreEnoughToUseWhatTheTableAllows_NeverFewerThanThePlanAsks()
    {
        Assert.Equal(4, DynamoDbCapacity.ScanSegments(DynamoDbCapacity.MiB, 4));
        Assert.Equal(6, DynamoDbCapacity.ScanSegments(DynamoDbCapacity.GiB, 1));
        Assert.Equal(80, DynamoDbCapacity.ScanSegments(DynamoDbCapacity.TiB, 4));
        Assert.Equal(103, DynamoDbCapacity.Partitions(DynamoDbCapacity.TiB));
    }
}
