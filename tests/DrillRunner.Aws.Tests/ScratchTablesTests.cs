using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Runs;

namespace DrillRunner.Aws.Tests;

/// <summary>Restores through the real AWSSDK client against the stand-in.</summary>
public sealed class ScratchTablesTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    [Fact]
    public async Task Restore_FromPitr_IsCreatingThenActiveWithEveryItemAndNoIndexesWhenAsked()
    {
        var source = await fixture.CreateTableAsync("src-pitr", 120, withIndex: true);
        await fixture.EnablePitrAsync(source);
        var point = (await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(RecoveryPointCatalogTests.Target(source, RestoreSource.Pitr), default)).Point!;
        var tables = new DynamoDbScratchTables(fixture.Client);
        var scratch = fixture.NewName("drill-r1");

        var request = await tables.StartRestoreAsync(RecoveryPointCatalogTests.Target(source, RestoreSource.Pitr, RestoreOptions.Default with { WithoutSecondaryIndexes = true }), point, scratch, default);

        Assert.NotNull(request.RestoredPointInTime);
        Assert.Equal(ScratchTableState.Creating, await tables.DescribeAsync(scratch, default));
        await WaitForStateAsync(tables, scratch, ScratchTableState.Active);
        Assert.Equal(120, await new DynamoDbTableInspector(fixture.Client).CountItemsAsync(scratch, 2, default));
        Assert.Null((await fixture.Client.DescribeTableAsync(scratch)).Table.GlobalSecondaryIndexes);
    }

    [Fact]
    public async Task Restore_FromBackup_HoldsTheItemsOfThatMomentOnly()
    {
        var source = await fixture.CreateTableAsync("src-backup", 50);
        await fixture.StandIn.CreateBackupAsync(source, "USER", default);
        await fixture.PutItemsAsync(source, 50, 25);
        var point = (await new DynamoDbRecoveryPointCatalog(fixture.Client).FindLatestAsync(RecoveryPointCatalogTests.Target(source, RestoreSource.Backup), default)).Point!;
        var tables = new DynamoDbScratchTables(fixture.Client);
        var scratch = fixture.NewName("drill-r2");

        await tables.StartRestoreAsync(RecoveryPointCatalogTests.Target(source, RestoreSource.Backup), point, scratch, default);
        await WaitForStateAsync(tables, scratch, ScratchTableState.Active);

        Assert.Equal(50, await new DynamoDbTableInspector(fixture.Client).CountItemsAsync(scratch, 3, default));
    }

    [Fact]
    public async Task Delete_AtTheAccountsTableOperationLimit_AnswersLimitReachedAndDeletesLater()
    {
        var table = await fixture.CreateTableAsync("drill-r4", 1);
        var tables = new DynamoDbScratchTables(fixture.Client);
        // The SDK itself retries LimitExceededException a few times (it is one of its throttling errors); past that, the adapter says so.
        fixture.StandIn.Faults.FailNext("DeleteTable", "LimitExceededException", 20);

        Assert.Equal(DeleteOutcome.LimitReached, await tables.DeleteAsync(table, default));
        fixture.StandIn.Faults.FailNext("DeleteTable", "LimitExceededException", 0);
        Assert.Equal(DeleteOutcome.Deleted, await tables.DeleteAsync(table, default));
    }

    [Fact]
    public async Task Tags_AreKeptAndListed_AndDeleteWaitsForTheRestore()
    {
        var source = await fixture.CreateTableAsync("src-tags", 5);
        await fixture.EnablePitrAsync(source);
        var tables = new DynamoDbScratchTables(fixture.Client);
        var scratch = fixture.NewName("drill-r3");
        RestoreRequest request;
        using (fixture.StandIn.Faults.HoldRestores())
        {
            request = await tables.StartRestoreAsync(RecoveryPointCatalogTests.Target(source, RestoreSource.Pitr), new RecoveryPoint(RecoveryPoint.Pitr, null, TimeProvider.System.GetUtcNow()), scratch, default);

            // Held in progress: each call below sees a restore still CREATING, however slow the machine.
            Assert.True(await tables.TryTagAsync(request.TableArn, new Dictionary<string, string> { ["drill:run-id"] = "r3" }, default));
            Assert.Equal("r3", (await tables.GetTagsAsync(request.TableArn, default))["drill:run-id"]);
            Assert.Equal(DeleteOutcome.Busy, await tables.DeleteAsync(scratch, default));
        }

        await WaitForStateAsync(tables, scratch, ScratchTableState.Active);
        Assert.Equal(DeleteOutcome.Deleted, await tables.DeleteAsync(scratch, default));
        // DescribeAsync counts a DELETING table as missing, and DeleteTable on it succeeds (as in AWS): wait until it is gone.
        await WaitGoneAsync(scratch);
        Assert.Equal(DeleteOutcome.AlreadyGone, await tables.DeleteAsync(scratch, default));
    }

    [Fact]
    public async Task Restore_OverTheConcurrentRestoreLimit_IsATypedRetryableError()
    {
        var source = await fixture.CreateTableAsync("src-limit", 5);
        await fixture.EnablePitrAsync(source);
        // More times than the SDK retries by itself (it counts LimitExceededException as throttling).
        fixture.StandIn.Faults.FailNext("RestoreTableToPointInTime", "LimitExceededException", 5);

        await Assert.ThrowsAsync<DrillRunner.Core.Errors.RestoreCapacityBusy>(() => new DynamoDbScratchTables(fixture.Client).StartRestoreAsync(
            RecoveryPointCatalogTests.Target(source, RestoreSource.Pitr), new RecoveryPoint(RecoveryPoint.Pitr, null, TimeProvider.System.GetUtcNow()), fixture.NewName("drill-r5"), default));
        fixture.StandIn.Faults.FailNext("RestoreTableToPointInTime", "LimitExceededException", 0);
    }

    [Fact]
    public async Task Restore_AbandonedByAws_LeavesNoTable()
    {
        var source = await fixture.CreateTableAsync("src-fails", 5);
        await fixture.EnablePitrAsync(source);
        fixture.StandIn.Faults.FailRestoresOf(source);
        var tables = new DynamoDbScratchTables(fixture.Client);
        var scratch = fixture.NewName("drill-r4");

        await tables.StartRestoreAsync(RecoveryPointCatalogTests.Target(source, RestoreSource.Pitr), new RecoveryPoint(RecoveryPoint.Pitr, null, TimeProvider.System.GetUtcNow()), scratch, default);
        var state = ScratchTableState.Creating;
        for (var i = 0; i < 100 && state == ScratchTableState.Creating; i++)
        {
            await Task.Delay(100);
            state = await tables.DescribeAsync(scratch, default);
        }

        Assert.Equal(ScratchTableState.Missing, state);
    }

    /// <summary>Looks until DescribeTable no longer finds the table at all.</summary>
    private async Task WaitGoneAsync(string table)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            try
            {
                await fixture.Client.DescribeTableAsync(table, patience.Token);
            }
            catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
            {
                return;
            }

            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>Looks until DescribeTable shows <paramref name="state"/> (a deletion or a restore finishes in its own time).</summary>
    private static async Task WaitForStateAsync(DynamoDbScratchTables tables, string scratch, ScratchTableState state)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await tables.DescribeAsync(scratch, default) != state)
        {
            await Task.Delay(50, patience.Token);
        }
    }
}
