using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Kinds;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Tests;

/// <summary>
/// One small estate that sends a drill through every Task state of the drill machine: a native
/// DynamoDB target, a table with no recovery point (the failure path), and one AWS Backup target of
/// each kind, one of them with a verifier that says no (a restore job that fails its validation).
/// </summary>
public sealed class FaultMatrixFixture : IAsyncLifetime
{
    public const string Prefix = "fm-";

    /// <summary>The verifier of the volume target; by default it finds the restore wrong.</summary>
    public const string Verifier = "drill-verify-data";

    public static readonly Func<JsonObject, JsonNode> SaysNo = _ => new JsonObject { ["passed"] = false, ["message"] = "checksum of /data/index differs" };

    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private TcpListener _database = null!;
    private int _plans;

    public LocalDrillEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        Environment.WaitMilliseconds = 10;
        Environment.StandIn.Faults.RestoreDuration = TimeSpan.FromMilliseconds(200);
        Environment.Aws.RestoreDuration = TimeSpan.FromMilliseconds(100);
        _database = new TcpListener(IPAddress.Loopback, 0);
        _database.Start();
        Environment.Aws.DatabasePort = ((IPEndPoint)_database.LocalEndpoint).Port;

        await SeededTables.CreateAsync(Environment.DynamoDb, "orders", 40, "ITEM#");
        await SeededTables.CreateAsync(Environment.DynamoDb, "lost", 40, "ITEM#");

        await Environment.DynamoDb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = "orders",
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });

        var bucket = Environment.S3.CreateBucket("invoices");
        for (var i = 0; i < 20; i++)
        {
            bucket.Put($"2026/{i:D3}.pdf", 100);
        }

        Environment.Aws.AddRecoveryPoint("arn:aws:s3:::invoices", Now.AddMinutes(-30));
        foreach (var (kind, id) in new[] { (ScratchKinds.RdsInstance, "billing"), (ScratchKinds.RdsCluster, "ledger"), (ScratchKinds.EbsVolume, "vol-0fa017000000000a"), (ScratchKinds.EfsFileSystem, "fs-0fa017000000000a") })
        {
            Environment.Aws.AddRecoveryPoint(Environment.Aws.AddSource(kind, id), Now.AddMinutes(-30));
        }

        // The file system's point is also copied into a vault another account shares: its target drills that copy
        // (copyOf), so the vault listings (StartVaultListing, ListBackupVaults, ListVaultRecoveryPoints) are in the matrix too.
        var shared = Environment.Aws.AddVault("matrix-copies", LocalAwsWorld.SecondAccount, vaultType: LocalVault.LogicallyAirGapped, sharedWithLocalAccount: true);
        var files = Environment.Aws.PointsIn(LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, LocalAwsWorld.DefaultVault)).Single(p => p.ResourceName == "fs-0fa017000000000a");
        Environment.Aws.CopyRecoveryPoint(files, shared.Arn);

        // Two points listed one per page: the listing goes through ListMoreRecoveryPoints too.
        Environment.Aws.AddRecoveryPoint("arn:aws:rds:us-east-1:000000000000:db:billing", Now.AddHours(-25));
        Environment.Aws.RecoveryPointPageSize = 1;
        Environment.Functions.AddVerifier(Verifier, SaysNo);
    }

    public async Task DisposeAsync()
    {
        // Safety rule 1, across the whole matrix: no source was written.
        Assert.Empty(Environment.SourceWrites);
        _database.Stop();
        _database.Dispose();
        await Environment.DisposeAsync();
    }

    /// <summary>Stores a new plan over the estate (its own name, so drills can run side by side) and drills it.</summary>
    /// <param name="prefix">The plan's scratch prefix: janitors of different prefixes never sweep each other's resources.</param>
    public async Task<Drilled> DrillAsync(IReadOnlyDictionary<string, TaskFault>? faults, CancellationToken cancellationToken, Action<ExecutionEvent>? onEvent = null, string prefix = Prefix)
    {
        var name = $"matrix-{Interlocked.Increment(ref _plans)}";
        await Environment.ApplyPlanAsync(Plan(name, prefix), TimeProvider.System, cancellationToken);
        var execution = await Environment.RunDrillAsync(
            System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new BeginRequest(name, "fault matrix", null, null, null), Core.Json.DrillJson.Default.BeginRequest))!,
            onEvent,
            cancellationToken,
            faults ?? new Dictionary<string, TaskFault>());
        if (execution.RunId is null)
        {
            return new Drilled(execution, null!, new Dictionary<string, Core.Runs.TargetRun>()) { PlanName = name };
        }

        var run = await Environment.Services.Runs.GetAsync(execution.RunId, cancellationToken);
        var targets = await Environment.Services.Runs.GetTargetsAsync(execution.RunId, cancellationToken);
        return new Drilled(execution, run, targets.ToDictionary(t => t.TargetId, StringComparer.Ordinal)) { PlanName = name };
    }

    private static string Plan(string name, string prefix) => $$"""
        {
          "name": "{{name}}",
          "objectives": { "rtoMinutes": 30, "rpoMinutes": 4320 },
          "scratchPrefix": "{{prefix}}",
          "restoreTimeoutMinutes": 5,
          "targets": [
            { "id": "orders", "type": "dynamodb", "tableName": "orders", "restoreFrom": "pitr", "verification": { "minItemCount": 40 } },
            { "id": "lost", "type": "dynamodb", "tableName": "lost", "restoreFrom": "pitr" },
            { "id": "invoices", "type": "aws-backup", "resourceArn": "arn:aws:s3:::invoices", "verification": { "minObjectCount": 20 } },
            { "id": "billing", "type": "aws-backup", "resourceArn": "arn:aws:rds:us-east-1:000000000000:db:billing" },
            { "id": "ledger", "type": "aws-backup", "resourceArn": "arn:aws:rds:us-east-1:000000000000:cluster:ledger" },
            { "id": "data", "type": "aws-backup", "resourceArn": "arn:aws:ec2:us-east-1:000000000000:volume/vol-0fa017000000000a", "verifierFunction": "{{Verifier}}" },
            { "id": "files", "type": "aws-backup", "recoveryPoint": { "copyOf": "arn:aws:elasticfilesystem:us-east-1:000000000000:file-system/fs-0fa017000000000a" } }
          ],
          "relations": [
            { "id": "orders-exist", "from": { "target": "orders", "attribute": "pk" }, "to": { "target": "orders", "key": "pk" } },
            { "id": "invoices-per-order", "countRatio": { "target": "invoices", "atLeast": 0.5, "per": "orders" } },
            { "id": "lost-orders", "from": { "target": "lost", "attribute": "orderId" }, "to": { "target": "orders", "key": "pk" } }
          ],
          "notifications": { "snsTopicArn": "arn:aws:sns:us-east-1:000000000000:drill-results" }
        }
        """;
}
