using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.Tests;

/// <summary>The catalog asked for an older point, or a common instant, against the stand-in through the real SDK client.</summary>
public sealed class SampledRecoveryPointTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Backups_OldestAndWithinDays_ChooseAmongTheAvailableBackupsInTheWindow()
    {
        var table = await BackupsAsync("aged", 40, 10, 2);
        var catalog = new DynamoDbRecoveryPointCatalog(fixture.Client);

        Assert.Equal(Now.AddDays(-40), (await catalog.FindAsync(Target(table), new PointWanted(PointSelect.Oldest, null, null, 0), default)).Point!.CreatedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(Now.AddDays(-10), (await catalog.FindAsync(Target(table), new PointWanted(PointSelect.Oldest, Now.AddDays(-30), null, 0), default)).Point!.CreatedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(Now.AddDays(-2), (await catalog.FindAsync(Target(table), new PointWanted(PointSelect.Latest, null, null, 0), default)).Point!.CreatedAt, TimeSpan.FromSeconds(1));

        var none = await catalog.FindAsync(Target(table), new PointWanted(PointSelect.Oldest, Now.AddDays(-1), null, 0), default);
        Assert.Null(none.Point);
        Assert.Contains("no AVAILABLE DynamoDB backup (on-demand or AWS Backup) created since", none.WhyNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backups_RandomDraws_ReachEveryBackupInTheWindow_AndOnlyThose()
    {
        var table = await BackupsAsync("drawn", 40, 20, 10, 2);
        var catalog = new DynamoDbRecoveryPointCatalog(fixture.Client);

        var drawn = new HashSet<DateTimeOffset>();
        for (var seed = 0; seed < 40; seed++)
        {
            var point = (await catalog.FindAsync(Target(table), new PointWanted(PointSelect.Random, Now.AddDays(-30), null, seed), default)).Point!;
            drawn.Add(new DateTimeOffset(point.CreatedAt.Ticks - (point.CreatedAt.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        }

        Assert.Equal(3, drawn.Count);
        Assert.All(drawn, d => Assert.True(d > Now.AddDays(-30)));
    }

    [Fact]
    public async Task Backups_AtACommonInstant_TakeTheNewestAtOrBeforeIt()
    {
        var table = await BackupsAsync("instant", 40, 10, 2);

        var point = (await new DynamoDbRecoveryPointCatalog(fixture.Client).FindAsync(Target(table), new PointWanted(PointSelect.Latest, null, Now.AddDays(-5), 0), default)).Point!;

        Assert.Equal(Now.AddDays(-10), point.CreatedAt, TimeSpan.FromSeconds(1));
        Assert.False(point.ExactInstant);
    }

    [Fact]
    public async Task Pitr_RandomAndOldest_AreExactSecondsOfTheWindow_AndACommonInstantOutsideItIsRefusedWithWhy()
    {
        var table = await fixture.CreateTableAsync("pitr-window", 3);
        await fixture.EnablePitrAsync(table);
        var catalog = new DynamoDbRecoveryPointCatalog(fixture.Client);
        var window = (await catalog.ContinuousWindowAsync(table, default))!;

        var oldest = (await catalog.FindAsync(Target(table, RestoreSource.Pitr), new PointWanted(PointSelect.Oldest, null, null, 0), default)).Point!;
        Assert.True(oldest.ExactInstant);
        Assert.InRange(oldest.CreatedAt, window.Earliest, window.Earliest.AddSeconds(1));

        var random = (await catalog.FindAsync(Target(table, RestoreSource.Pitr), new PointWanted(PointSelect.Random, null, null, 7), default)).Point!;
        Assert.True(random.ExactInstant);
        Assert.InRange(random.CreatedAt, window.Earliest, window.Latest);

        var latest = (await catalog.FindAsync(Target(table, RestoreSource.Pitr), PointWanted.Newest, default)).Point!;
        Assert.False(latest.ExactInstant);

        var before = await catalog.FindAsync(Target(table, RestoreSource.Pitr), new PointWanted(PointSelect.Latest, null, window.Earliest.AddMinutes(-1), 0), default);
        Assert.Null(before.Point);
        Assert.Contains("is outside what point-in-time recovery can restore to now", before.WhyNone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pitr_SwitchedOff_HasNoWindow()
    {
        var table = await fixture.CreateTableAsync("pitr-off", 2);
        await fixture.EnablePitrAsync(table);
        await fixture.Client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = table, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = false } });

        Assert.Null(await new DynamoDbRecoveryPointCatalog(fixture.Client).ContinuousWindowAsync(table, default));
    }

    private async Task<string> BackupsAsync(string stem, params int[] daysAgo)
    {
        var table = await fixture.CreateTableAsync(stem, 2);
        foreach (var days in daysAgo)
        {
            var arn = (await fixture.Client.CreateBackupAsync(new CreateBackupRequest { TableName = table, BackupName = $"{stem}-{days}" })).BackupDetails.BackupArn;
            fixture.StandIn.Backdate(arn, Now.AddDays(-days));
        }

        return table;
    }

    private static DynamoDbTarget Target(string table, RestoreSource from = RestoreSource.Backup) => RecoveryPointCatalogTests.Target(table, from);
}
