using Amazon.DynamoDBv2;
using Amazon.S3;
using DrillRunner.Aws.RunStore;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.Requests;
using DrillRunner.Local;
using DrillRunner.Local.Store;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>
/// The runs table a command works on, in AWS or in the local store, behind the same ports, and the
/// use cases commands run on it; <see cref="IStoreOpener"/> opens it.
/// </summary>
public sealed class DrillStore : IAsyncDisposable
{
    private readonly IAmazonDynamoDB? _client;
    private readonly IAmazonS3? _s3;

    /// <param name="selectable">What a plan's "select" rules would match now, read as BeginDrill reads it; null where nothing can be listed.</param>
    /// <param name="runsTableName">The runs table's name: a selection never selects it.</param>
    /// <param name="s3">The S3 client <paramref name="selectable"/> lists buckets with, disposed with the store.</param>
    internal DrillStore(IRunStore runs, IPlanStore plans, IDrillRequests requests, ICallerIdentity caller, LocalStore? local, IAmazonDynamoDB? client, string description, ICoverageStore coverage, DynamoDbCoverageRequests? coverageRequests, ITableInspector tables, LocalStoreOwner? holder = null, ISelectableResources? selectable = null, string? runsTableName = null, IAmazonS3? s3 = null)
    {
        Selectable = selectable;
        RunsTableName = runsTableName;
        _s3 = s3;
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

    /// <summary>What "select" rules can match in this store's account (or the local world): the port BeginDrill resolves them through.</summary>
    public ISelectableResources? Selectable { get; }

    /// <summary>The runs table's name, which a selection leaves out.</summary>
    public string? RunsTableName { get; }

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

    /// <summary>The use case `drill run` asks for a drill with (checks the plan and its lock, writes the request item).</summary>
    public RequestDrill RequestDrill(TimeProvider time) => new(Plans, Runs, Requests, Caller, time);

    /// <summary>The use case that follows a requested drill through its run record.</summary>
    public RunFollower RunFollower(TimeProvider time) => new(Runs, Requests, time);

    public ReportBuilder ReportBuilder() => new(Runs, Plans);

    /// <summary>"drill run --local --plan demo-shop …", as the user typed it.</summary>
    public static string CommandLine(CommandContext context) => "drill " + ShellWords.Join(context.Arguments);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _s3?.Dispose();
        if (Local is not null)
        {
            await Local.DisposeAsync();
        }
    }
}
