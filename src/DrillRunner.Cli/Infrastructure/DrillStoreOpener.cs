using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using DrillRunner.Aws.Identity;
using DrillRunner.Aws.RunStore;
using DrillRunner.Aws.Selection;
using DrillRunner.Core.Ports;
using DrillRunner.Local;
using DrillRunner.Local.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DrillRunner.Cli.Infrastructure;

/// <summary>The stores `drill` really opens: the runs table in AWS, behind another endpoint, or in the local store (--local).</summary>
/// <param name="consoles">Where to say that the local store is read through another command.</param>
internal sealed class DrillStoreOpener(OutputConsoles consoles, TimeProvider time) : IStoreOpener
{
    public async Task<DrillStore> OpenAsync(StoreSettings settings, CommandContext context, StoreAccess access, CancellationToken cancellationToken)
    {
        if (settings.Local)
        {
            var directory = settings.DataDirectory ?? LocalStore.DefaultDirectory;
            LocalStore local;
            try
            {
                local = await LocalStore.OpenAsync(directory, time, DrillStore.CommandLine(context), cancellationToken);
            }
            catch (LocalStoreInUse busy) when (access == StoreAccess.Shared && busy.Owner?.Endpoint is { } holderEndpoint)
            {
                // Another command (a drill, most likely) holds the store: its stand-in serves the runs table meanwhile.
                consoles.Diagnostics.MarkupLineInterpolated($"[grey]the local store {directory} is in use by {busy.Owner.Describe()}: reading through it.[/]");
                return Through(LocalClient(holderEndpoint.ToString()), LocalDrillEnvironment.RunsTableName, new LocalCaller(), $"local store {directory}, read through {busy.Owner.Describe()}", time, busy.Owner);
            }

            var services = local.Environment.Services;
            return new DrillStore(services.Runs, services.Plans, services.Requests, new LocalCaller(), local, null, $"local store {directory}", services.Coverage, null, services.Inspector, selectable: services.Selectable, runsTableName: services.Settings.RunsTable);
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
        return Through(new AmazonDynamoDBClient(), table, new StsCallerIdentity(new AmazonSecurityTokenServiceClient()), $"runs table {table}", time, s3: new AmazonS3Client(), region: FallbackRegionFactory.GetRegionEndpoint()?.SystemName);
    }

    /// <param name="s3">Where buckets are listed for "select" rules; without it (another endpoint, the local store read through its holder) only tables are.</param>
    private static DrillStore Through(IAmazonDynamoDB client, string table, ICallerIdentity caller, string description, TimeProvider time, LocalStoreOwner? holder = null, IAmazonS3? s3 = null, string? region = null) =>
        new(new DynamoDbRunStore(client, table), new DynamoDbPlanStore(client, table), new DynamoDbDrillRequests(client, table), caller, null, client, description, new DynamoDbCoverageStore(client, table, time), new DynamoDbCoverageRequests(client, table), new DrillRunner.Aws.DynamoDb.DynamoDbTableInspector(client), holder, new AwsSelectableResources(client, s3, region), table, s3);

    private static AmazonDynamoDBClient LocalClient(string endpoint) =>
        new(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });

    /// <summary>Off AWS there is no STS: the requester is the local user.</summary>
    private sealed class LocalCaller : ICallerIdentity
    {
        public Task<string> WhoAsync(CancellationToken cancellationToken) => Task.FromResult($"local:{Environment.UserName}");
    }
}
