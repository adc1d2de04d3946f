using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillFunctions;
using DrillRunner.Aws.Http;
using DrillRunner.Aws.RunStore;
using DrillRunner.Aws.S3;
using DrillRunner.Aws.Selection;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Json;
using DrillRunner.Core.Plans;
using DrillRunner.Core.Ports;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Hosting;
using DrillRunner.Local.Processes;
using DrillRunner.Local.Requests;
using DrillRunner.Local.StandIn;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local;

/// <summary>
/// Everything a local drill needs, started together and stopped together: dynalite, the
/// stand-in in front of it, the runs table, the C# handlers and the real state machine.
/// </summary>
public sealed class LocalDrillEnvironment : IAsyncDisposable
{
    public const string RunsTableName = "DrillRuns";

    /// <summary>Where, in a data directory, dynalite keeps its LevelDB files and the stand-in its backups, PITR, tags and faults.</summary>
    public const string DynaliteFolder = "dynalite", StandInStateFile = "standin.json";

    private readonly DynaliteProcess _dynalite;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sourceWrites = new();
    private int _executions;
    private StringWriter _log = new();

    private LocalDrillEnvironment(DynaliteProcess dynalite, LocalDynamoDbStandIn standIn, LocalS3 s3, LocalAwsWorld world, DrillServices services, LocalLambdaHost functions)
    {
        _dynalite = dynalite;
        S3 = s3;
        Aws = world;
        StandIn = standIn;
        Services = services;
        Functions = functions;
        DynamoDb = standIn.CreateClient();
    }

    public LocalDynamoDbStandIn StandIn { get; }

    /// <summary>The local S3 that bucket targets restore into; the functions read it through AWSSDK.S3.</summary>
    public LocalS3 S3 { get; }

    /// <summary>What the state machine's AWS SDK integrations (AWS Backup, tagging, RDS, EC2, EFS) talk to.</summary>
    public LocalAwsWorld Aws { get; }

    public DrillServices Services { get; }

    public LocalLambdaHost Functions { get; }

    /// <summary>What the functions logged (in AWS: their CloudWatch log lines, EMF metrics included).</summary>
    public string FunctionLog
    {
        get
        {
            lock (Services.Log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>A real AWSSDK client pointed at the stand-in.</summary>
    public IAmazonDynamoDB DynamoDb { get; }

    /// <summary>Faults the local engine injects into Task states, by state name (tests only).</summary>
    public Dictionary<string, TaskFault> Faults { get; } = new(StringComparer.Ordinal);

    /// <summary>How long Wait states really wait locally.</summary>
    public int WaitMilliseconds { get; set; } = 100;

    /// <param name="dataDirectory">Where to keep tables, backups and runs between commands; null keeps everything in memory.</param>
    /// <param name="verificationBudget">How long VerifyTarget may count per invocation; tiny values exercise the checkpointed loop.</param>
    /// <param name="timeLimit">The drill's time limit (default 6 hours); tests shorten it to see a drill end itself before it.</param>
    public static async Task<LocalDrillEnvironment> StartAsync(TimeProvider time, CancellationToken cancellationToken, string? dataDirectory = null, TimeSpan? verificationBudget = null, TimeSpan? timeLimit = null)
    {
        string? dynalitePath = null, statePath = null;
        if (dataDirectory is not null)
        {
            dynalitePath = Path.Combine(dataDirectory, DynaliteFolder);
            statePath = Path.Combine(dataDirectory, StandInStateFile);
            Directory.CreateDirectory(dynalitePath);
        }

        var dynalite = await DynaliteProcess.StartAsync(dynalitePath, cancellationToken);
        LocalDynamoDbStandIn standIn;
        try
        {
            standIn = await LocalDynamoDbStandIn.StartAsync(dynalite.Url, time, cancellationToken, statePath, () => DynaliteStopped(dynalite, dataDirectory));
        }
        catch
        {
            await dynalite.DisposeAsync();
            throw;
        }

        var s3 = await LocalS3.StartAsync(cancellationToken);
        var world = new LocalAwsWorld(time, s3, standIn.CreateClient());
        var log = new StringWriter();
        var settings = Settings(DemoPlan.ScratchPrefix);
        var s3Client = s3.CreateClient();
        var services = new DrillServices(
            standIn.CreateClient(),
            settings,
            time,
            HealthProbeOptions.LocalMode,
            TextWriter.Synchronized(log),
            verificationBudget: verificationBudget,
            buckets: DrillServices.BucketAccess.Of(new S3Buckets(s3Client)),
            timeLimit: timeLimit,
            selectable: new AwsSelectableResources(standIn.CreateClient(), s3Client, settings.Region));
        var functions = await LocalLambdaHost.StartAsync(services, world, cancellationToken);
        var environment = new LocalDrillEnvironment(dynalite, standIn, s3, world, services, functions) { _log = log };
        await environment.EnsureRunsTableAsync(cancellationToken);
        return environment;
    }

    /// <summary>The functions' settings locally: the local runs table, no topic (the drill's summaries are kept, not sent), the default thresholds.</summary>
    public static DrillSettings Settings(string scratchPrefix) => new(RunsTableName, scratchPrefix, null, CoverageThresholds.Default);

    /// <summary>What a client is told when dynalite stopped serving mid-command: a damaged store says so, with the fix.</summary>
    private static string? DynaliteStopped(DynaliteProcess dynalite, string? dataDirectory) =>
        dynalite.Problem switch
        {
            null => null,
            { Kind: DynaliteProblem.Corrupt } problem when dataDirectory is not null => new Store.LocalStoreDamaged(dataDirectory, Path.Combine(dataDirectory, DynaliteFolder), problem.Detail).Message,
            var problem => $"the local DynamoDB engine (dynalite) stopped: {problem.Detail}",
        };

    /// <summary>Validates a plan and stores it as the next version, as `drill plan apply` does.</summary>
    public async Task<int> ApplyPlanAsync(string planJson, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = PlanReader.Read(planJson).PlanOrThrow();
        return await Services.Plans.SaveAsync(plan.Name, planJson, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Runs the real state machine for a drill request, as the schedule would start it.</summary>
    public Task<ExecutionResult> RunDrillAsync(BeginRequest request, Action<ExecutionEvent>? onEvent, CancellationToken cancellationToken) =>
        RunDrillAsync(JsonNode.Parse(JsonSerializer.Serialize(request, DrillJson.Default.BeginRequest))!, onEvent, cancellationToken);

    /// <summary>Runs the real state machine with an execution input (and, in tests, faults injected into its Task states).</summary>
    public Task<ExecutionResult> RunDrillAsync(JsonNode input, Action<ExecutionEvent>? onEvent, CancellationToken cancellationToken, IReadOnlyDictionary<string, TaskFault>? faults = null)
    {
        var name = $"local-{Environment.ProcessId}-{Interlocked.Increment(ref _executions)}";
        return WitnessedAsync(
            async () =>
            {
                var result = await LocalStateMachine.RunAsync(input, Functions.Url, name, onEvent, cancellationToken, WaitMilliseconds, faults: faults ?? Faults);
                if (!result.Succeeded)
                {
                    // EventBridge's "Execution Status Change" (FAILED) reaches ExecutionEndedFunction in AWS.
                    await EndExecutionAsync(LocalStateMachine.ExecutionArn(name), "FAILED", cancellationToken);
                }

                return result;
            },
            cancellationToken);
    }

    /// <summary>
    /// What EventBridge does in AWS when a drill execution ends ABORTED, TIMED_OUT or FAILED: it
    /// delivers the status-change event to the ExecutionEnded function.
    /// </summary>
    public async Task<ExecutionEndedResult> EndExecutionAsync(string executionArn, string status, CancellationToken cancellationToken)
    {
        var change = new ExecutionStatusChange(new ExecutionStatusDetail(executionArn, status, null));
        await using var output = await DrillFunctionCatalog.Create<ExecutionEndedFunction>(Services).Handle(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(change, DrillJson.Default.ExecutionStatusChange)));
        return (await JsonSerializer.DeserializeAsync(output, DrillJson.Default.ExecutionEndedResult, cancellationToken))!;
    }

    /// <summary>Runs that have neither been torn down nor ended otherwise (running, or concluded without teardown).</summary>
    public async Task<IReadOnlyList<Core.Runs.DrillRun>> OpenRunsAsync(CancellationToken cancellationToken)
    {
        var open = new List<Core.Runs.DrillRun>();
        foreach (var plan in await Services.Plans.ListNamesAsync(cancellationToken))
        {
            foreach (var summary in await Services.Runs.HistoryAsync(plan, null, int.MaxValue, cancellationToken))
            {
                if (summary.Unreadable is null && summary.Status is Core.Runs.RunStatus.Running or Core.Runs.RunStatus.Concluded)
                {
                    open.Add(await Services.Runs.GetAsync(summary.RunId, cancellationToken));
                }
            }
        }

        return open;
    }

    /// <summary>Runs the janitor's state machine (statemachine/scratch-janitor.asl.json), as its daily schedule would.</summary>
    public Task<ExecutionResult> RunJanitorAsync(string scratchPrefix, CancellationToken cancellationToken, IReadOnlyDictionary<string, TaskFault>? faults = null)
    {
        // One janitor function per prefix (a stack has one): janitors of several prefixes may run side by side in tests.
        var function = $"Janitor@{scratchPrefix}";
        Functions.AddFunction(function, DrillFunctionCatalog.Create<JanitorFunction>(Services.With(Services.Settings with { ScratchPrefix = scratchPrefix })));
        var name = $"janitor-{Environment.ProcessId}-{Interlocked.Increment(ref _executions)}";
        var substitutions = new Dictionary<string, string> { ["JanitorFunctionArn"] = function };
        return WitnessedAsync(() => LocalStateMachine.RunAsync(new JsonObject(), Functions.Url, name, null, cancellationToken, WaitMilliseconds, RepoPaths.JanitorDefinition, faults ?? Faults, substitutions), cancellationToken);
    }

    /// <summary>The local stand-in for the stack's notifications topic, where the audit's summary goes (recorded in Functions.Published).</summary>
    public const string CoverageTopicArn = "arn:aws:sns:us-east-1:000000000000:drill-notifications";

    /// <summary>Runs the coverage audit's state machine (statemachine/coverage-audit.asl.json), as its weekly schedule would; its name is the audit's id.</summary>
    public Task<ExecutionResult> RunCoverageAuditAsync(string scratchPrefix, JsonObject input, TimeProvider time, CancellationToken cancellationToken, string? auditId = null)
    {
        var function = $"CoverageAudit@{scratchPrefix}";
        Functions.AddFunction(function, DrillFunctionCatalog.Create<CoverageAuditFunction>(Services.With(Services.Settings with { ScratchPrefix = scratchPrefix, NotificationsTopicArn = CoverageTopicArn })));
        var name = auditId ?? $"coverage-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Interlocked.Increment(ref _executions)}";
        var substitutions = new Dictionary<string, string> { [DrillFunctionCatalog.ArnSubstitution(DrillFunctionCatalog.NameOf<CoverageAuditFunction>())] = function };
        return WitnessedAsync(() => LocalStateMachine.RunAsync(input, Functions.Url, name, null, cancellationToken, WaitMilliseconds, RepoPaths.CoverageDefinition, Faults, substitutions, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// Every write to a source resource made while one of this environment's executions ran
    /// (tables, buckets, the local AWS world's databases, volumes and file systems). Safety rule 1
    /// says this stays empty; the tests' fixtures assert it.
    /// </summary>
    public IReadOnlyCollection<string> SourceWrites => _sourceWrites;

    private async Task<ExecutionResult> WitnessedAsync(Func<Task<ExecutionResult>> execute, CancellationToken cancellationToken)
    {
        var witness = await SourceWitness.TakeAsync(this, cancellationToken);
        try
        {
            return await execute();
        }
        finally
        {
            foreach (var write in witness.WritesSince(this))
            {
                _sourceWrites.Enqueue(write);
            }
        }
    }

    /// <summary>
    /// A manual drill the AWS way: the request item is written to the runs table, and the
    /// execution is started with the input the Pipe in template.yaml makes of that item's INSERT.
    /// </summary>
    public async Task<ExecutionResult> RunRequestedDrillAsync(DrillRequest request, Action<ExecutionEvent>? onEvent, CancellationToken cancellationToken)
    {
        var input = LocalPipe.FromTemplate().InputFor(LocalPipe.InsertRecord(DynamoDbDrillRequests.Item(request)))
            ?? throw new InvalidOperationException("The Pipe's filter in template.yaml drops drill request items; no drill would start in AWS either.");
        return await RunDrillAsync(input, onEvent, cancellationToken);
    }

    /// <summary>
    /// Scratch tables still there: tables named with the prefix, once any deletion in progress
    /// has had up to <paramref name="settle"/> to finish (ListTables includes DELETING tables).
    /// </summary>
    public async Task<IReadOnlyList<string>> ScratchTablesLeftAsync(string prefix, TimeSpan settle, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + settle;
        while (true)
        {
            var left = await TablesStartingWithAsync(prefix, cancellationToken);
            if (left.Count == 0 || time.GetUtcNow() >= deadline)
            {
                return left;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>
    /// Every scratch resource still there whose name starts with <paramref name="namePrefix"/> (a plan's
    /// scratch prefix, or one run's: prefix + run id): tables (once deletions in progress have had up to
    /// <paramref name="settle"/>), buckets, and the local AWS world's restored databases, volumes and file
    /// systems (by identifier or Name tag). What is really there, whatever the run record says.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScratchLeftAsync(string namePrefix, TimeSpan settle, TimeProvider time, CancellationToken cancellationToken) =>
        [
            .. await ScratchTablesLeftAsync(namePrefix, settle, time, cancellationToken),
            .. S3.BucketNames.Where(b => b.StartsWith(namePrefix, StringComparison.Ordinal)),
            .. Aws.Resources
                .Where(r => !r.IsSource && !r.Deleted && r.Kind is not (Core.Kinds.ScratchKinds.DynamoDbTable or Core.Kinds.ScratchKinds.S3Bucket))
                .Where(r => r.Id.StartsWith(namePrefix, StringComparison.Ordinal) || (r.Tags.TryGetValue(Core.Safety.TeardownGuard.NameTag, out var name) && name.StartsWith(namePrefix, StringComparison.Ordinal)))
                .Select(r => r.Arn),
        ];

    /// <summary>Tables whose names start with the prefix, as DynamoDB lists them now.</summary>
    public async Task<IReadOnlyList<string>> TablesStartingWithAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? start = null;
        do
        {
            var page = await DynamoDb.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start }, cancellationToken);
            names.AddRange((page.TableNames ?? []).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
            start = page.LastEvaluatedTableName;
        }
        while (!string.IsNullOrEmpty(start));

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        await Functions.DisposeAsync();
        await StandIn.DisposeAsync();
        await S3.DisposeAsync();
        await _dynalite.DisposeAsync();
        DynamoDb.Dispose();
    }

    private async Task EnsureRunsTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDb.DescribeTableAsync(RunsTableName, cancellationToken);
            return;
        }
        catch (ResourceNotFoundException)
        {
            // First start on this data: create it below.
        }

        await DynamoDb.CreateTableAsync(
            new CreateTableRequest
            {
                TableName = RunsTableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema =
                [
                    new KeySchemaElement(RunsTableKeys.PartitionKeyName, KeyType.HASH),
                    new KeySchemaElement(RunsTableKeys.SortKeyName, KeyType.RANGE),
                ],
                AttributeDefinitions =
                [
                    new AttributeDefinition(RunsTableKeys.PartitionKeyName, ScalarAttributeType.S),
                    new AttributeDefinition(RunsTableKeys.SortKeyName, ScalarAttributeType.S),
                ],
            },
            cancellationToken);
        await TableWaits.UntilActiveAsync(DynamoDb, RunsTableName, cancellationToken);
    }
}
