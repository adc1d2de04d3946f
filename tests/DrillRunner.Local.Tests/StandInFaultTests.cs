using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Local.Processes;
using DrillRunner.Local.StandIn;

namespace DrillRunner.Local.Tests;

/// <summary>The stand-in's own contract: AWS-shaped answers and faults that the real SDK reacts to as it would in AWS.</summary>
public sealed class StandInFaultTests : IAsyncLifetime
{
    private DynaliteProcess _dynalite = null!;
    private LocalDynamoDbStandIn _standIn = null!;
    private IAmazonDynamoDB _client = null!;

    public async Task InitializeAsync()
    {
        _dynalite = await DynaliteProcess.StartAsync(null, CancellationToken.None);
        _standIn = await LocalDynamoDbStandIn.StartAsync(_dynalite.Url, TimeProvider.System, CancellationToken.None);
        _client = _standIn.CreateClient();
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "src",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        while ((await _client.DescribeTableAsync("src")).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _standIn.DisposeAsync();
        await _dynalite.DisposeAsync();
    }

    [Fact]
    public async Task Throttling_FewerTimesThanTheSdkRetries_IsAbsorbedBySdkRetries()
    {
        _standIn.Faults.Throttle("Scan", 2);

        var page = await _client.ScanAsync(new ScanRequest { TableName = "src", Select = Select.COUNT });

        Assert.Equal(0, page.Count);
    }

    [Fact]
    public async Task Throttling_MoreTimesThanTheSdkRetries_SurfacesAsThrottlingError()
    {
        _standIn.Faults.Throttle("Scan", 10);

        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => _client.ScanAsync(new ScanRequest { TableName = "src" }));

        Assert.Equal("ThrottlingException", error.ErrorCode);
    }

    [Fact]
    public async Task ListBackups_DefaultsToUserBackups_AsAwsDoes()
    {
        await _standIn.CreateBackupAsync("src", "AWS_BACKUP", default);

        var byDefault = await _client.ListBackupsAsync(new ListBackupsRequest { TableName = "src" });
        var all = await _client.ListBackupsAsync(new ListBackupsRequest { TableName = "src", BackupType = BackupTypeFilter.ALL });

        Assert.Empty(byDefault.BackupSummaries ?? []);
        Assert.Single(all.BackupSummaries);
    }

    [Fact]
    public async Task TagResource_ThroughTheRealSdk_HasNoChecksumTrouble()
    {
        var arn = (await _client.DescribeTableAsync("src")).Table.TableArn;

        await _client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "k", Value = "v" }] });
        var tags = await _client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn });

        Assert.Equal("v", Assert.Single(tags.Tags).Value);
    }

    [Fact]
    public async Task RestoreWithoutPitr_IsRefusedWithAwsErrorType()
    {
        await Assert.ThrowsAsync<PointInTimeRecoveryUnavailableException>(() => _client.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = "src",
            TargetTableName = "drill-x-src",
            UseLatestRestorableTime = true,
        }));
    }
}
