using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Aws.Http;
using DrillRunner.Aws.Net;
using DrillRunner.Aws.RunStore;
using DrillRunner.Aws.S3;
using DrillRunner.Core.AwsBackup;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.DataVerification;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Native;
using DrillRunner.Core.Ports;
using DrillRunner.Core.Teardown;
using DrillRunner.Core;

namespace DrillFunctions;

/// <summary>
/// The composition root: the only place that builds adapters. In AWS it reads the function's
/// environment; the local runner passes its own DynamoDB client (pointed at the stand-in).
/// </summary>
public sealed class DrillServices
{

    private static readonly Lazy<DrillServices> FromEnvironmentOnce = new(CreateFromEnvironment);

    /// <param name="healthProbe">Where health probes may connect: <see cref="HealthProbeOptions.Deployed"/> in AWS, <see cref="HealthProbeOptions.LocalMode"/> on a laptop.</param>
    /// <param name="log">Where functions write log and metric (EMF) lines: stdout in Lambda, which CloudWatch collects.</param>
    /// <param name="notificationsTopicArn">Where a summary goes on anything but PASS when the plan names no topic.</param>
    /// <param name="verificationBudget">How long one VerifyTarget invocation may count before saving progress (default 10 minutes).</param>
    /// <param name="buckets">S3 access for bucket targets (AWSSDK.S3 in AWS; the local runner passes its own).</param>
    /// <param name="probe">How database endpoints are tried (TCP in AWS).</param>
    /// <param name="timeLimit">The drill's time limit (default 6 hours, the state machine's timeout); the drill stops its targets before it.</param>
    public DrillServices(IAmazonDynamoDB dynamoDb, string runsTable, TimeProvider time, HealthProbeOptions healthProbe, TextWriter? log = null, string? notificationsTopicArn = null, TimeSpan? verificationBudget = null, BucketAccess? buckets = null, IEndpointProbe? probe = null, TimeSpan? timeLimit = null)
    {
        if (string.IsNullOrWhiteSpace(runsTable))
        {
            throw new InvalidOperationException($"The runs table is not configured: set {EnvironmentVariables.RunsTable} to the runs table's name.");
        }

        Time = time;
        TimeLimit = timeLimit ?? DrillRunner.Core.Runs.DrillDeadline.DefaultTimeLimit;
        Log = log ?? Console.Out;
        VerificationBudget = verificationBudget ?? DrillRunner.Core.LambdaLimits.VerificationBudget;
        NotificationsTopicArn = string.IsNullOrEmpty(notificationsTopicArn) ? null : notificationsTopicArn;
        RunsTable = runsTable;
        Runs = new DynamoDbRunStore(dynamoDb, runsTable);
        Coverage = new DynamoDbCoverageStore(dynamoDb, runsTable, time);
        Plans = new DynamoDbPlanStore(dynamoDb, runsTable);
        Requests = new DynamoDbDrillRequests(dynamoDb, runsTable);
        RecoveryPoints = new DynamoDbRecoveryPointCatalog(dynamoDb);
        ScratchTables = new DynamoDbScratchTables(dynamoDb);
        Inspector = new DynamoDbTableInspector(dynamoDb);
        Health = new HttpHealthProbe(time, healthProbe);
        BucketInspector = buckets?.Inspector;
        ScratchBuckets = buckets?.Scratch;
        Probe = probe ?? new TcpEndpointProbe();
    }

    public TimeProvider Time { get; }

    public TimeSpan TimeLimit { get; }

    public TextWriter Log { get; }

    public TimeSpan VerificationBudget { get; }

    public string? NotificationsTopicArn { get; }

    public string RunsTable { get; }

    public IRunStore Runs { get; }

    public ICoverageStore Coverage { get; }

    public IPlanStore Plans { get; }

    public IDrillRequests Requests { get; }

    public IRecoveryPointCatalog RecoveryPoints { get; }

    public IScratchTables ScratchTables { get; }

    public ITableInspector Inspector { get; }

    public IHealthProbe Health { get; }

    public IBucketInspector? BucketInspector { get; }

    public IScratchBuckets? ScratchBuckets { get; }

    public IEndpointProbe Probe { get; }

    /// <summary>One instance per Lambda container, built on first use.</summary>
    public static DrillServices FromEnvironment() => FromEnvironmentOnce.Value;

    public BeginDrill BeginDrill() => new(Plans, Runs, Requests, Time, Random.Shared, TimeLimit);

    public ResolveRecoveryPoint ResolveRecoveryPoint() => new(Runs, RecoveryPoints, Time);

    public StartRestore StartRestore() => new(Runs, ScratchTables, Time);

    public CheckTableRestore CheckTableRestore() => new(Runs, ScratchTables, Time);

    public VerifyTarget VerifyTarget() => new(Runs, Inspector, Time, VerificationBudget, BucketInspector);

    public RecordTargetFailure RecordTargetFailure() => new(Runs);

    public CheckHealth CheckHealth() => new(Runs, Health, Time);

    public ConcludeDrill ConcludeDrill() => new(Runs, Time, NotificationsTopicArn, Environment.GetEnvironmentVariable(EnvironmentVariables.AwsRegion));

    public RecordRunnerError RecordRunnerError() => new(Runs, Time);

    public TeardownRun TeardownRun() => new(Runs, ScratchTables, Time, ScratchBuckets);

    public ChooseRecoveryPoint ChooseRecoveryPoint() => new(Runs, Time);

    public PrepareBackupRestore PrepareBackupRestore() => new(Runs);

    public RecordRestoreJob RecordRestoreJob() => new(Runs, Time);

    public CheckRestoreJob CheckRestoreJob() => new(Runs, Time);

    public CheckRestoredResource CheckRestoredResource() => new(Runs, Probe, Time);

    public RecordVerifierAnswer RecordVerifierAnswer() => new(Runs, Time);

    public RecordValidation RecordValidation() => new(Runs);

    /// <summary>The two sides of bucket access: reading restored buckets, deleting scratch ones.</summary>
    public sealed record BucketAccess(IBucketInspector Inspector, IScratchBuckets Scratch)
    {
        public static BucketAccess Of<T>(T both)
            where T : IBucketInspector, IScratchBuckets => new(both, both);
    }

    private static DrillServices CreateFromEnvironment()
    {
        var endpoint = Environment.GetEnvironmentVariable(EnvironmentVariables.DynamoDbEndpoint);
        var client = string.IsNullOrEmpty(endpoint)
            ? new AmazonDynamoDBClient()
            : new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });
        return new DrillServices(
            client,
            Environment.GetEnvironmentVariable(EnvironmentVariables.RunsTable) ?? string.Empty,
            TimeProvider.System,
            HealthProbeOptions.Deployed,
            notificationsTopicArn: Environment.GetEnvironmentVariable(EnvironmentVariables.NotificationsTopicArn),
            buckets: BucketAccess.Of(new S3Buckets(new AmazonS3Client())));
    }
}
