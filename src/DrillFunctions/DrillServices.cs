using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Aws.Http;
using DrillRunner.Aws.Net;
using DrillRunner.Aws.RunStore;
using DrillRunner.Aws.S3;
using DrillRunner.Aws.Selection;
using DrillRunner.Core.AwsBackup;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.DataVerification;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Janitor;
using DrillRunner.Core.Native;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Relations;
using DrillRunner.Core.Reporting;
using DrillRunner.Core.RunbookGaps;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Teardown;

namespace DrillFunctions;

/// <summary>
/// The functions host's composition root: the only place that builds adapters and use cases, for
/// Lambda (from <see cref="DrillSettings.FromEnvironment"/>, validated at cold start) and for the
/// local runner, which passes its own DynamoDB client (pointed at the stand-in) and settings.
/// </summary>
public sealed class DrillServices
{
    private static readonly Lazy<DrillServices> FromEnvironmentOnce = new(() => CreateFromEnvironment(DrillSettings.FromEnvironment()));

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly HealthProbeOptions _healthProbe;
    private readonly BucketAccess? _buckets;

    /// <param name="settings">The host's validated settings: runs table, scratch prefix, topic, thresholds, region.</param>
    /// <param name="healthProbe">Where health probes may connect: <see cref="HealthProbeOptions.Deployed"/> in AWS, <see cref="HealthProbeOptions.LocalMode"/> on a laptop.</param>
    /// <param name="log">Where functions write log and metric (EMF) lines: stdout in Lambda, which CloudWatch collects.</param>
    /// <param name="verificationBudget">How long one VerifyTarget invocation may count before saving progress (default 10 minutes).</param>
    /// <param name="buckets">S3 access for bucket targets (AWSSDK.S3 in AWS; the local runner passes its own).</param>
    /// <param name="probe">How database endpoints are tried (TCP in AWS).</param>
    /// <param name="timeLimit">The drill's time limit (default 6 hours, the state machine's timeout); the drill stops its targets before it.</param>
    /// <param name="selectable">What "select" rules can match (default: DynamoDB tables only, through <paramref name="dynamoDb"/>).</param>
    public DrillServices(IAmazonDynamoDB dynamoDb, DrillSettings settings, TimeProvider time, HealthProbeOptions healthProbe, TextWriter? log = null, TimeSpan? verificationBudget = null, BucketAccess? buckets = null, IEndpointProbe? probe = null, TimeSpan? timeLimit = null, ISelectableResources? selectable = null)
    {
        _dynamoDb = dynamoDb;
        _healthProbe = healthProbe;
        _buckets = buckets;
        Settings = settings;
        Time = time;
        TimeLimit = timeLimit ?? DrillDeadline.DefaultTimeLimit;
        Log = log ?? Console.Out;
        VerificationBudget = verificationBudget ?? DrillRunner.Core.LambdaLimits.VerificationBudget;
        Runs = new DynamoDbRunStore(dynamoDb, settings.RunsTable);
        Coverage = new DynamoDbCoverageStore(dynamoDb, settings.RunsTable, time);
        Plans = new DynamoDbPlanStore(dynamoDb, settings.RunsTable);
        Requests = new DynamoDbDrillRequests(dynamoDb, settings.RunsTable);
        RecoveryPoints = new DynamoDbRecoveryPointCatalog(dynamoDb);
        ScratchTables = new DynamoDbScratchTables(dynamoDb);
        Inspector = new DynamoDbTableInspector(dynamoDb);
        RelationReader = new DynamoDbRelationReader(dynamoDb);
        Health = new HttpHealthProbe(time, healthProbe);
        BucketInspector = buckets?.Inspector;
        ScratchBuckets = buckets?.Scratch;
        Probe = probe ?? new TcpEndpointProbe();
        Selectable = selectable ?? new AwsSelectableResources(dynamoDb, null, settings.Region);
    }

    public ISelectableResources Selectable { get; }

    public DrillSettings Settings { get; }

    public TimeProvider Time { get; }

    public TimeSpan TimeLimit { get; }

    public TextWriter Log { get; }

    public TimeSpan VerificationBudget { get; }

    public IRunStore Runs { get; }

    public ICoverageStore Coverage { get; }

    public IPlanStore Plans { get; }

    public IDrillRequests Requests { get; }

    public IRecoveryPointCatalog RecoveryPoints { get; }

    public IScratchTables ScratchTables { get; }

    public ITableInspector Inspector { get; }

    public IHealthProbe Health { get; }

    /// <summary>Reads restored tables for the plan's relations.</summary>
    public IRelationReader RelationReader { get; }

    public IBucketInspector? BucketInspector { get; }

    public IScratchBuckets? ScratchBuckets { get; }

    public IEndpointProbe Probe { get; }

    /// <summary>One instance per Lambda container, built on first use.</summary>
    public static DrillServices FromEnvironment() => FromEnvironmentOnce.Value;

    public BeginDrill BeginDrill() => new(Plans, Runs, Requests, RecoveryPoints, Time, Random.Shared, TimeLimit, Selectable, Settings.RunsTable);

    public ResolveRecoveryPoint ResolveRecoveryPoint() => new(Runs, RecoveryPoints, Time);

    public StartRestore StartRestore() => new(Runs, ScratchTables, Time);

    public CheckTableRestore CheckTableRestore() => new(Runs, ScratchTables, Time);

    public VerifyTarget VerifyTarget() => new(Runs, Inspector, Time, VerificationBudget, BucketInspector);

    public RecordTargetFailure RecordTargetFailure() => new(Runs);

    public CheckRelations CheckRelations() => new(Runs, RelationReader, BucketInspector, Time, Random.Shared, VerificationBudget);

    public CheckHealth CheckHealth() => new(Runs, Health, Time);

    public ConcludeDrill ConcludeDrill() => new(Runs, Time, Settings.NotificationsTopicArn, Settings.Region);

    public RecordRunnerError RecordRunnerError() => new(Runs, Time);

    public TeardownRun TeardownRun() => new(Runs, ScratchTables, Time, ScratchBuckets);

    public ChooseRecoveryPoint ChooseRecoveryPoint() => new(Runs, Time);

    public PrepareBackupRestore PrepareBackupRestore() => new(Runs);

    public RecordRestoreJob RecordRestoreJob() => new(Runs, Time);

    public CheckRestoreJob CheckRestoreJob() => new(Runs, Time);

    public CheckRestoredResource CheckRestoredResource() => new(Runs, Probe, Time);

    public RecordVerifierAnswer RecordVerifierAnswer() => new(Runs, Time);

    public RecordValidation RecordValidation() => new(Runs);

    public RecordRunbookGap RecordRunbookGap() => new(Runs, Inspector, Time);

    public EndStoppedRun EndStoppedRun() => new(Runs, Time);

    public MeasureFreshness MeasureFreshness() => new(Plans, Runs, Time);

    public SweepScratchByPrefix SweepScratchByPrefix() => new(Runs, ScratchTables, Time, Settings.ScratchPrefix, ScratchBuckets);

    public ChooseExpiredTaggedResources ChooseExpiredTaggedResources() => new(Runs, Time, Settings.ScratchPrefix);

    public CoverageAuditSteps CoverageAuditSteps() => new(
        new RecordEstatePage(Coverage),
        new JudgeCoverage(Plans, Runs, Coverage, Time),
        Time,
        new RunnerResources(Settings.RunsTable, Settings.ScratchPrefix),
        Settings.Coverage,
        Settings.NotificationsTopicArn);

    /// <summary>The same adapters and options under other settings (the local runner's janitor and audit of another prefix or topic).</summary>
    public DrillServices With(DrillSettings settings) =>
        new(_dynamoDb, settings, Time, _healthProbe, Log, VerificationBudget, _buckets, Probe, TimeLimit, Selectable);

    /// <summary>The two sides of bucket access: reading restored buckets, deleting scratch ones.</summary>
    public sealed record BucketAccess(IBucketInspector Inspector, IScratchBuckets Scratch)
    {
        public static BucketAccess Of<T>(T both)
            where T : IBucketInspector, IScratchBuckets => new(both, both);
    }

    private static DrillServices CreateFromEnvironment(DrillSettings settings)
    {
        var client = settings.DynamoDbEndpoint is { } endpoint
            ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" })
            : new AmazonDynamoDBClient();
        var s3 = new AmazonS3Client();
        return new DrillServices(client, settings, TimeProvider.System, HealthProbeOptions.Deployed, buckets: BucketAccess.Of(new S3Buckets(s3)), selectable: new AwsSelectableResources(client, s3, settings.Region));
    }
}
