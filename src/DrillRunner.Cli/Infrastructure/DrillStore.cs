using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using DrillRunner.Aws.Identity;
using DrillRunner.Aws.RunStore;
using DrillRunner.Core.Ports;
using DrillRunner.Local;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The runs table a command works on, in AWS or in the local store, behind the same ports.</summary>
public sealed class DrillStore : IAsyncDisposable
{
    private readonly IAmazonDynamoDB? _client;

    private DrillStore(IRunStore runs, IPlanStore plans, IDrillRequests requests, ICallerIdentity caller, LocalStore? local, IAmazonDynamoDB? client, string description, ICoverageStore coverage, DynamoDbCoverageRequests? coverageRequests, ITableInspector tables)
    {
        Tables = tables;
        Coverage = coverage;
        CoverageRequests = coverageRequests;
        Runs = runs;
        Plans = plans;
        Requests = requests;
        Caller = caller;
        Local = local;
        _client = client;
        Description = description;
    }

    public IRunStore Runs { get; }

    public IPlanStore Plans { get; }

    public IDrillRequests Requests { get; }

    public ICallerIdentity Caller { get; }

    /// <summary>Reads tables' descriptions (item counts for a suggested plan); never writes.</summary>
    public ITableInspector Tables { get; }

    /// <summary>The coverage audits in the runs table.</summary>
    public ICoverageStore Coverage { get; }

    /// <summary>In AWS: where `drill coverage --now` asks for an audit (locally the audit runs in the command).</summary>
    public DynamoDbCoverageRequests? CoverageRequests { get; }

    /// <summary>Set in local mode: the environment that also runs the executions.</summary>
    public LocalStore? Local { get; }

    public string Description { get; }

    public static async Task<DrillStore> OpenAsync(StoreSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (settings.Local)
        {
            var directory = settings.DataDirectory ?? LocalStore.DefaultDirectory;
            var local = await LocalStore.OpenAsync(directory, time, cancellationToken);
            var services = local.Environment.Services;
            return new DrillStore(services.Runs, services.Plans, services.Requests, new LocalCaller(), local, null, $"local store {directory}", services.Coverage, null, services.Inspector);
        }

        var client = settings.ResolvedEndpoint is { } endpoint
            ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" })
            : new AmazonDynamoDBClient();
        ICallerIdentity caller = settings.ResolvedEndpoint is null ? new StsCallerIdentity(new AmazonSecurityTokenServiceClient()) : new LocalCaller();
        var table = settings.ResolvedTable;
        return new DrillStore(new DynamoDbRunStore(client, table), new DynamoDbPlanStore(client, table), new DynamoDbDrillRequests(client, table), caller, null, client, $"runs table {table}", new DynamoDbCoverageStore(client, table, time), new DynamoDbCoverageRequests(client, table), new DrillRunner.Aws.DynamoDb.DynamoDbTableInspector(client));
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (Local is not null)
        {
            await Local.DisposeAsync();
        }
    }

    /// <summary>Off AWS there is no STS: the requester is the local user.</summary>
    private sealed class LocalCaller : ICallerIdentity
    {
        public Task<string> WhoAsync(CancellationToken cancellationToken) => Task.FromResult($"local:{Environment.UserName}");
    }
}
