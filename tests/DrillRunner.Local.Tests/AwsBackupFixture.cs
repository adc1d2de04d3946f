using System.Net;
using System.Net.Sockets;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Local.Demo;

namespace DrillRunner.Local.Tests;

/// <summary>
/// One local environment for the AWS Backup drills: the DynamoDB stand-in, the local S3, the local
/// AWS world the state machine's SDK integrations talk to, and a TCP listener standing in for a
/// restored database's endpoint. Each test uses its own plan and resources.
/// </summary>
public sealed class AwsBackupFixture : IAsyncLifetime
{
    public const string Prefix = "drill-";
    public const string SmallTable = "ledger";

    private TcpListener _database = null!;

    public LocalDrillEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        Environment.WaitMilliseconds = 20;
        _database = new TcpListener(IPAddress.Loopback, 0);
        _database.Start();
        Environment.Aws.DatabasePort = ((IPEndPoint)_database.LocalEndpoint).Port;
        await DemoData.CreateCustomersAsync(Environment.DynamoDb, CancellationToken.None);
        await SeededTables.CreateAsync(Environment.DynamoDb, SmallTable, 120, "ENTRY#");
    }

    public async Task DisposeAsync()
    {
        // Safety rule 1, across every drill these tests ran: no source was written.
        Assert.Empty(Environment.SourceWrites);
        _database.Stop();
        _database.Dispose();
        await Environment.DisposeAsync();
    }

    /// <summary>A source bucket with <paramref name="objects"/> objects of 100 bytes each, and a recovery point of it.</summary>
    public string BucketWithRecoveryPoint(string bucket, int objects, DateTimeOffset createdAt)
    {
        var source = Environment.S3.CreateBucket(bucket);
        for (var i = 0; i < objects; i++)
        {
            source.Put($"invoices/{i:D4}.pdf", 100);
        }

        var arn = $"arn:aws:s3:::{bucket}";
        Environment.Aws.AddRecoveryPoint(arn, createdAt);
        return arn;
    }

    public async Task<Drilled> DrillAsync(string planJson)
    {
        await Environment.ApplyPlanAsync(planJson, TimeProvider.System, CancellationToken.None);
        var planName = Core.Plans.PlanReader.Read(planJson).PlanOrThrow().Name;
        var execution = await Environment.RunDrillAsync(new BeginRequest(planName, "test", null, null, null), null, CancellationToken.None);
        Assert.True(execution.RunId is not null, $"{execution.Error}: {execution.Cause}");
        var run = await Environment.Services.Runs.GetAsync(execution.RunId, CancellationToken.None);
        var targets = await Environment.Services.Runs.GetTargetsAsync(execution.RunId, CancellationToken.None);
        return new Drilled(execution, run, targets.ToDictionary(t => t.TargetId, StringComparer.Ordinal));
    }
}
