using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using DrillRunner.Aws.Identity;
using DrillRunner.Aws.RunStore;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Ports;
using DrillRunner.Local;
using DrillRunner.Local.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The runs table a command works on, in AWS or in the local store, behind the same ports.</summary>
public sealed class DrillStore : IAsyncDisposable
{
    private readonly IAmazonDynamoDB? _client;

    private DrillStore(IRunStore runs, IPlanStore plans, IDrillRequests requests, ICallerIdentity caller, LocalStore? local, IAmazonDynamoDB? client, string description, ICoverageStore coverage, DynamoDbCoverageRequests? coverageRequests, ITableInspector tables, LocalStoreOwner? holder = null)
    {
        Holder = holder;
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

    /// <summary>Set when another command holds the local store and this one reads (and writes items) through its endpoint: it cannot run executions.</summary>
    public LocalStoreOwner? Holder { get; }

    /// <param name="context">The command, as other terminals are told while it holds the local store.</param>
    /// <param name="access">Whether the command may go through another command that holds the local store.</param>
    /// <param name="consoles">Where to say that the store is read through another command.</param>
    public static async Task<DrillStore> OpenAsync(StoreSettings settings, CommandContext context, StoreAccess access, OutputConsoles consoles, TimeProvider time, CancellationToken cancellationToken)
    {
        if (settings.Local)
        {
            var directory = settings.DataDirectory ?? LocalStore.DefaultDirectory;
            LocalStore local;
            try
            {
                local = await LocalStore.OpenAsync(directory, time, CommandLine(context), cancellationToken);
            }
            catch (LocalStoreInUse busy) when (access == StoreAccess.Shared && busy.Owner?.Endpoint is { } holderEndpoint)
            {
                // Another command (a drill, most likely) holds the store: its stand-in serves the runs table meanwhile.
                consoles.Diagnostics.MarkupLineInterpolated($"[grey]the local store {directory} is in use by {busy.Owner.Describe()}: reading through it.[/]");
                return Through(LocalClient(holderEndpoint.ToString()), LocalDrillEnvironment.RunsTableName, new LocalCaller(), $"local store {directory}, read through {busy.Owner.Describe()}", time, busy.Owner);
            }

            var services = local.Environment.Services;
            return new DrillStore(services.Runs, services.Plans, services.Requests, new LocalCaller(), local, null, $"local store {directory}", services.Coverage, null, services.Inspector);
        }

        if (settings.ResolvedEndpoint is { } endpoint)
        {
            return Through(LocalClient(endpoint), settings.ResolvedTable, new LocalCaller(), $"runs table {settings.ResolvedTable} at {endpoint}", time);
        }

        if (FallbackRegionFactory.GetRegionEndpoint() is null)
        {
            throw new InvalidOperationException($"No AWS region is configured, so the runs table cannot be found. Fix: set AWS_REGION (e.g. export AWS_REGION=eu-west-1) or a region in your AWS profile (aws configure), or use --local for the local store.");
        }

        var table = settings.ResolvedTable;
        return Through(new AmazonDynamoDBClient(), table, new StsCallerIdentity(new AmazonSecurityTokenServiceClient()), $"runs table {table}", time);
    }

    private static DrillStore Through(IAmazonDynamoDB client, string table, ICallerIdentity caller, string description, TimeProvider time, LocalStoreOwner? holder = null) =>
        new(new DynamoDbRunStore(client, table), new DynamoDbPlanStore(client, table), new DynamoDbDrillRequests(client, table), caller, null, client, description, new DynamoDbCoverageStore(client, table, time), new DynamoDbCoverageRequests(client, table), new DrillRunner.Aws.DynamoDb.DynamoDbTableInspector(client), holder);

    private static AmazonDynamoDBClient LocalClient(string endpoint) =>
        new(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });

    /// <summary>"drill run --local --plan demo-shop …", as the user typed it.</summary>
    public static string CommandLine(CommandContext context) => "drill " + ShellWords.Join(context.Arguments);

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
