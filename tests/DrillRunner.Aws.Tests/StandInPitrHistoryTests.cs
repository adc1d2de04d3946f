using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Runs;
using DrillRunner.Local.Processes;
using DrillRunner.Local.StandIn;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Aws.Tests;

/// <summary>
/// The stand-in's PITR is truthful about time: a restore to T holds the items as they were at T, and the window
/// DescribeContinuousBackups reports is the one restores accept. The stand-in's clock is a FakeTimeProvider, moved by hand.
/// </summary>
public sealed class StandInPitrHistoryTests : IAsyncLifetime
{
    private static readonly TimeSpan DefaultLag = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private DynaliteProcess _dynalite = null!;
    private LocalDynamoDbStandIn _standIn = null!;
    private IAmazonDynamoDB _client = null!;
    private int _tables;

    public async Task InitializeAsync()
    {
        _dynalite = await DynaliteProcess.StartAsync(null, CancellationToken.None);
        _standIn = await LocalDynamoDbStandIn.StartAsync(_dynalite.Url, _time, CancellationToken.None);
        // Restores finish as soon as their items are copied: the fake clock is never waited on.
        _standIn.Faults.RestoreDuration = TimeSpan.Zero;
        _client = _standIn.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _standIn.DisposeAsync();
        await _dynalite.DisposeAsync();
    }

    [Fact]
    public async Task RestoreToPointInTime_BetweenTwoRoundsOfWrites_HoldsEachItemAsItWasThen()
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "A", "v1");
        await PutAsync(table, "B", "v1");
        var t1 = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = Key("A"),
            UpdateExpression = "SET v = :v",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = new AttributeValue { S = "v2" } },
        });
        await _client.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = Key("B") });
        await PutAsync(table, "C", "v1");
        _time.Advance(TimeSpan.FromMinutes(10));
        var between = t1.AddSeconds(30);

        var restored = await RestoreAsync(table, between);

        Assert.Equal(new Dictionary<string, string> { ["A"] = "v1", ["B"] = "v1" }, await ItemsAsync(restored));
        Assert.Equal(between, RestoredTo(await _client.DescribeTableAsync(restored)));
    }

    [Fact]
    public async Task RestoreToPointInTime_Latest_HoldsTheStateAtTheLatestRestorableTimeNotNow()
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "A", "v1");
        await PutAsync(table, "B", "v1");
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "A", "v2");
        await _client.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = Key("B") });
        _time.Advance(DefaultLag - TimeSpan.FromSeconds(1));
        // Written after the latest restorable time (now − lag): not in the restore, though written before it was asked.
        await PutAsync(table, "D", "v1");
        _time.Advance(TimeSpan.FromSeconds(1));
        var latest = (await DescribePitrAsync(table)).LatestRestorableDateTime;

        var restored = await RestoreAsync(table, at: null);

        Assert.Equal(ToOffset(latest!.Value), _time.GetUtcNow() - DefaultLag);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "v2" }, await ItemsAsync(restored));
        Assert.Equal(ToOffset(latest.Value), RestoredTo(await _client.DescribeTableAsync(restored)));
    }

    [Fact]
    public async Task RestoreToPointInTime_AtTheWindowsEdges_IsAcceptedAndHoldsItemsWrittenBeforePitrWasOn()
    {
        var table = await CreateTableAsync();
        await PutAsync(table, "old", "v1");
        await EnablePitrAsync(table);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "new", "v1");
        _time.Advance(TimeSpan.FromMinutes(1));
        var window = await DescribePitrAsync(table);

        var atEarliest = await RestoreAsync(table, ToOffset(window.EarliestRestorableDateTime!.Value));
        var atLatest = await RestoreAsync(table, ToOffset(window.LatestRestorableDateTime!.Value));

        Assert.Equal(new Dictionary<string, string> { ["old"] = "v1" }, await ItemsAsync(atEarliest));
        Assert.Equal(new Dictionary<string, string> { ["old"] = "v1", ["new"] = "v1" }, await ItemsAsync(atLatest));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(+1)]
    public async Task RestoreToPointInTime_OutsideTheWindow_IsInvalidRestoreTime(int side)
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        _time.Advance(TimeSpan.FromMinutes(10));
        var window = await DescribePitrAsync(table);
        var at = side < 0 ? ToOffset(window.EarliestRestorableDateTime!.Value).AddMilliseconds(-1) : ToOffset(window.LatestRestorableDateTime!.Value).AddMilliseconds(1);

        var error = await Assert.ThrowsAsync<InvalidRestoreTimeException>(() => RestoreAsync(table, at));

        Assert.Contains("RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchWriteItem_PutsAndDeletes_AreUndoneForAnEarlierInstant()
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        var t0 = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        await BatchAsync(table, Put("A", "v1"), Put("B", "v1"));
        var t1 = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        await BatchAsync(table, Put("A", "v2"), new WriteRequest { DeleteRequest = new DeleteRequest { Key = Key("B") } }, Put("C", "v1"));
        _time.Advance(TimeSpan.FromMinutes(10));

        var beforeAny = await RestoreAsync(table, t0);
        var afterFirst = await RestoreAsync(table, t1);
        var latest = await RestoreAsync(table, at: null);

        Assert.Empty(await ItemsAsync(beforeAny));
        Assert.Equal(new Dictionary<string, string> { ["A"] = "v1", ["B"] = "v1" }, await ItemsAsync(afterFirst));
        Assert.Equal(new Dictionary<string, string> { ["A"] = "v2", ["C"] = "v1" }, await ItemsAsync(latest));
    }

    [Fact]
    public async Task ItemWrites_WithPitrOn_AnswerWhatTheClientAskedFor()
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        await PutAsync(table, "A", "v1");

        var put = await _client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item("A", "v2") });
        var putOld = await _client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item("A", "v3"), ReturnValues = ReturnValue.ALL_OLD });
        var updated = await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = Key("A"),
            UpdateExpression = "SET v = :v",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = new AttributeValue { S = "v4" } },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(put.Attributes is null or { Count: 0 });
        Assert.Equal("v2", putOld.Attributes["v"].S);
        Assert.Equal("v4", updated.Attributes["v"].S);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "v4" }, await ItemsAsync(await RestoreAsync(table, at: null)));
    }

    [Fact]
    public async Task UpdateContinuousBackups_OffThenOnAgain_RefusesRestoresWhileOffAndStartsANewWindow()
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "A", "v1");
        var t1 = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));

        await SetPitrAsync(table, enabled: false);
        var off = await DescribePitrAsync(table);
        await Assert.ThrowsAsync<PointInTimeRecoveryUnavailableException>(() => RestoreAsync(table, at: null));
        _time.Advance(TimeSpan.FromMinutes(1));
        await EnablePitrAsync(table);
        var enabledAgainAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        var on = await DescribePitrAsync(table);

        Assert.Equal(PointInTimeRecoveryStatus.DISABLED, off.PointInTimeRecoveryStatus);
        Assert.Null(off.EarliestRestorableDateTime);
        Assert.Equal(enabledAgainAt, ToOffset(on.EarliestRestorableDateTime!.Value));
        await Assert.ThrowsAsync<InvalidRestoreTimeException>(() => RestoreAsync(table, t1));
    }

    [Fact]
    public async Task PitrLag_SetForOneTable_MovesOnlyThatTablesLatestRestorableTime()
    {
        var slow = await CreateTableAsync();
        var usual = await CreateTableAsync();
        await EnablePitrAsync(slow);
        await EnablePitrAsync(usual);
        _standIn.Faults.SetPitrLag(slow, TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromHours(1));
        var now = _time.GetUtcNow();

        Assert.Equal(now - TimeSpan.FromMinutes(5), ToOffset((await DescribePitrAsync(slow)).LatestRestorableDateTime!.Value));
        Assert.Equal(now - DefaultLag, ToOffset((await DescribePitrAsync(usual)).LatestRestorableDateTime!.Value));
        Assert.Equal(now - TimeSpan.FromMinutes(5), RestoredTo(await _client.DescribeTableAsync(await RestoreAsync(slow, at: null))));
    }

    [Fact]
    public void PitrLag_Negative_IsRefusedNamingTheLag()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _standIn.Faults.SetPitrLag("t", TimeSpan.FromSeconds(-1)));

        Assert.Equal("lag", error.ParamName);
    }

    [Fact]
    public async Task ScratchTables_ExactInstantPoint_RestoresToItsCreatedAt()
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "A", "v1");
        var t1 = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "A", "v2");
        _time.Advance(TimeSpan.FromMinutes(10));
        var target = RecoveryPointCatalogTests.Target(table, RestoreSource.Pitr);
        var scratch = NewName("drill-exact");

        var request = await new DynamoDbScratchTables(_client).StartRestoreAsync(target, new RecoveryPoint(RecoveryPoint.Pitr, null, t1) { ExactInstant = true }, scratch, default);
        await WaitRestoredAsync(scratch);

        Assert.Equal(t1, request.RestoredPointInTime);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "v1" }, await ItemsAsync(scratch));
    }

    [Fact]
    public async Task ScratchTables_PointNotExact_RestoresToTheLatestRestorableTimeAsBefore()
    {
        var table = await CreateTableAsync();
        await EnablePitrAsync(table);
        await PutAsync(table, "A", "v1");
        var t0 = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(table, "A", "v2");
        _time.Advance(TimeSpan.FromMinutes(10));

        var request = await new DynamoDbScratchTables(_client).StartRestoreAsync(RecoveryPointCatalogTests.Target(table, RestoreSource.Pitr), new RecoveryPoint(RecoveryPoint.Pitr, null, t0), NewName("drill-latest"), default);

        Assert.Equal(_time.GetUtcNow() - DefaultLag, request.RestoredPointInTime);
    }

    private string NewName(string stem) => $"{stem}-{Interlocked.Increment(ref _tables)}";

    private async Task<string> CreateTableAsync()
    {
        var name = NewName("pitr-src");
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        while ((await _client.DescribeTableAsync(name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20);
        }

        return name;
    }

    private Task EnablePitrAsync(string table) => SetPitrAsync(table, enabled: true);

    private Task SetPitrAsync(string table, bool enabled) => _client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
    {
        TableName = table,
        PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = enabled },
    });

    private async Task<PointInTimeRecoveryDescription> DescribePitrAsync(string table) =>
        (await _client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = table })).ContinuousBackupsDescription.PointInTimeRecoveryDescription;

    private Task PutAsync(string table, string pk, string value) => _client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item(pk, value) });

    private Task BatchAsync(string table, params WriteRequest[] writes) =>
        _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>> { [table] = [.. writes] } });

    private static WriteRequest Put(string pk, string value) => new() { PutRequest = new PutRequest { Item = Item(pk, value) } };

    private static Dictionary<string, AttributeValue> Key(string pk) => new() { ["pk"] = new AttributeValue { S = pk } };

    private static Dictionary<string, AttributeValue> Item(string pk, string value) => new() { ["pk"] = new AttributeValue { S = pk }, ["v"] = new AttributeValue { S = value } };

    /// <summary>Restores to <paramref name="at"/> (null: the latest restorable time) and waits until the restore is done.</summary>
    private async Task<string> RestoreAsync(string table, DateTimeOffset? at)
    {
        var target = NewName("pitr-restored");
        await _client.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = table,
            TargetTableName = target,
            UseLatestRestorableTime = at is null,
            RestoreDateTime = at?.UtcDateTime,
        });
        await WaitRestoredAsync(target);
        return target;
    }

    /// <summary>Looks until the restore is done (its items copied): the copy runs on its own, outside the fake clock.</summary>
    private async Task WaitRestoredAsync(string table)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while ((await _client.DescribeTableAsync(table, patience.Token)).Table is var t && (t.TableStatus != TableStatus.ACTIVE || t.RestoreSummary?.RestoreInProgress == true))
        {
            await Task.Delay(20, patience.Token);
        }
    }

    /// <summary>The table's items as pk → v.</summary>
    private async Task<Dictionary<string, string>> ItemsAsync(string table)
    {
        var scan = await _client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        return (scan.Items ?? []).ToDictionary(i => i["pk"].S, i => i["v"].S, StringComparer.Ordinal);
    }

    private static DateTimeOffset RestoredTo(DescribeTableResponse table) => ToOffset(table.Table.RestoreSummary.RestoreDateTime!.Value);

    private static DateTimeOffset ToOffset(DateTime at) => new(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeSpan.Zero);
}
