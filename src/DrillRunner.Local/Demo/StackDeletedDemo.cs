using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Aws.DynamoDb;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Runs;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Demo;

/// <summary>What `drill demo --scenario stack-deleted` saw: the audit before, the stack's deletion, and the recovery drill from what survived.</summary>
/// <param name="Before">The coverage audit of the shop while its stack still stood.</param>
/// <param name="Deletion">What deleting the stack, as CloudFormation would, did to each table.</param>
/// <param name="Recovery">The recovery drill's run record.</param>
/// <param name="Targets">Its targets: each table restored from what survived, or failed naming why nothing did.</param>
/// <param name="ScratchLeft">Scratch resources the drill's teardown left (0 when it cleaned up).</param>
public sealed record StackDeletedOutcome(CoverageAudit Before, StackDeletion Deletion, DrillRun Recovery, IReadOnlyList<TargetRun> Targets, int ScratchLeft)
{
    /// <summary>By table: the AWS Backup recovery points of it that outlived the deletion, as "vault NAME (account A, region R)" — they live in vaults, not in the stack.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PointsLeft { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The targets whose data nothing kept: no table, no backup, no copy.</summary>
    public IReadOnlyList<TargetRun> GoneForGood => [.. Targets.Where(t => t.Stage == TargetStage.Failed && t.RecoveryPoint is null)];

    /// <summary>As the story goes: every table but carts restored and verified from what survived, carts gone for good, nothing left behind.</summary>
    public bool AsTold =>
        GoneForGood.Select(t => t.SourceName).SequenceEqual([StackDeletedDemo.CartsTable])
        && Targets.Where(t => t.SourceName != StackDeletedDemo.CartsTable).All(t => t.Stage == TargetStage.Verified)
        && ScratchLeft == 0;
}

/// <summary>
/// `drill demo --scenario stack-deleted` replays the post-mortem DrillRunner exists for: a failed
/// deployment, the team deletes the stack, and the stack takes the shop's data with it. The shop's
/// four tables belong to one CloudFormation stack, none with DeletionPolicy Retain: orders has
/// point-in-time recovery, carts has nothing, customers has deletion protection, and payments is
/// backed up by AWS Backup and copied to a compliance-locked vault of another account that shares
/// it with this one. The coverage audit says beforehand which would be lost; the local world then
/// deletes the stack as CloudFormation would; a recovery drill restores what survived — orders from
/// the system backup DynamoDB keeps of a deleted PITR table, customers as it stands, payments from
/// the other account's copy — and fails carts, whose data nothing kept.
/// </summary>
public static class StackDeletedDemo
{
    public const string StackName = "shop";
    public const string RecoveryPlan = "shop-recovery";
    public const string CartsTable = "shop-carts";
    public const string PaymentsTable = "shop-payments";
    public const string CopyVault = "shop-recovery-copies";

    /// <summary>Orders seeded: few, the story is about what survives, not about size.</summary>
    public const int Orders = 2_000;

    public const int Carts = 120;
    public const int Payments = 300;

    /// <summary>When the nightly AWS Backup of payments ran, before the deletion.</summary>
    public static readonly TimeSpan PaymentsBackupAge = TimeSpan.FromHours(3);

    public static string CopyVaultArn => LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.SecondAccount, CopyVault);

    public static string TableArn(string table) => $"arn:aws:dynamodb:{LocalAwsWorld.Region}:{LocalAwsWorld.Account}:table/{table}";

    /// <summary>The shop's stack as a team writes it: no DeletionPolicy anywhere, deletion protection on customers only.</summary>
    public static string Template => $$"""
        AWSTemplateFormatVersion: "2010-09-09"
        Description: The shop (orders, carts, customers, payments)
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: {{DemoData.SourceTable}}
              BillingMode: PAY_PER_REQUEST
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
          Carts:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: {{CartsTable}}
              BillingMode: PAY_PER_REQUEST
          Customers:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: {{DemoData.CustomersTable}}
              BillingMode: PAY_PER_REQUEST
              DeletionProtectionEnabled: true
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
          Payments:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: {{PaymentsTable}}
              BillingMode: PAY_PER_REQUEST
              Tags:
                - Key: backup
                  Value: !Sub "${AWS::StackName}-nightly"
        """;

    public static async Task<StackDeletedOutcome> RunAsync(TimeProvider time, Action<string> progress, CancellationToken cancellationToken)
    {
        progress("starting dynalite, the DynamoDB stand-in, the local AWS world and the drill functions on 127.0.0.1");
        await using var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken);
        var db = environment.DynamoDb;
        var aws = environment.Aws;

        progress($"creating the shop's stack '{StackName}': {DemoData.SourceTable} (PITR on), {CartsTable} (no PITR, no backup), {DemoData.CustomersTable} (PITR and deletion protection), {PaymentsTable} (AWS Backup, copied to a logically air-gapped, compliance-locked vault of account {LocalAwsWorld.SecondAccount})");
        await DemoData.CreateSourceTableAsync(db, cancellationToken);
        await DemoData.SeedOrdersAsync(db, 1, Orders, time.GetUtcNow(), cancellationToken);
        await DemoData.EnablePitrAsync(db, DemoData.SourceTable, cancellationToken);
        await DemoData.CreateCustomersAsync(db, cancellationToken);
        await db.UpdateTableAsync(new UpdateTableRequest { TableName = DemoData.CustomersTable, DeletionProtectionEnabled = true }, cancellationToken);
        await CreateAsync(db, CartsTable, Carts, "CART", cancellationToken);
        await CreateAsync(db, PaymentsTable, Payments, "PAYMENT", cancellationToken);

        var nightly = aws.AddRecoveryPoint(TableArn(PaymentsTable), time.GetUtcNow() - PaymentsBackupAge, table: await aws.CaptureTableAsync(PaymentsTable, cancellationToken));
        var copies = aws.AddVault(CopyVault, LocalAwsWorld.SecondAccount, LocalAwsWorld.Region, LocalVault.LogicallyAirGapped, new LocalVaultLock(7, 35, time.GetUtcNow().AddDays(-30)), sharedWithLocalAccount: true);
        aws.CopyRecoveryPoint(nightly, copies.Arn, time.GetUtcNow() - PaymentsBackupAge + TimeSpan.FromMinutes(20));
        aws.AddStack(
            StackName,
            Template,
            [
                new LocalStackResource("Orders", "AWS::DynamoDB::Table", DemoData.SourceTable),
                new LocalStackResource("Carts", "AWS::DynamoDB::Table", CartsTable),
                new LocalStackResource("Customers", "AWS::DynamoDB::Table", DemoData.CustomersTable),
                new LocalStackResource("Payments", "AWS::DynamoDB::Table", PaymentsTable),
            ]);

        await environment.ApplyPlanAsync(PlanJson(), time, cancellationToken);
        progress($"plan '{RecoveryPlan}' names the four tables and requires each to survive a stack deletion and the loss of the account");

        progress("auditing coverage and survivability before anything happens (statemachine/coverage-audit.asl.json, read-only)");
        var auditId = $"stack-deleted-{time.GetUtcNow():yyyyMMdd-HHmmss}";
        var audit = await environment.RunCoverageAuditAsync(DemoPlan.ScratchPrefix, new JsonObject(), time, cancellationToken, auditId);
        if (!audit.Succeeded)
        {
            throw new InvalidOperationException($"The coverage audit failed: {audit.Error}: {audit.Cause}");
        }

        var before = await environment.Services.Coverage.GetAsync(auditId, cancellationToken)
            ?? throw new InvalidOperationException("The coverage audit succeeded but recorded no audit.");

        progress($"a deployment is stuck in ROLLBACK_FAILED; the team deletes stack '{StackName}' (the local world deletes it as CloudFormation would)");
        var deletion = await aws.DeleteStackAsync(StackName, cancellationToken);
        foreach (var resource in deletion.Resources.Where(r => r.Fate == ResourceFate.Deleted))
        {
            await TableWaits.UntilGoneAsync(db, resource.PhysicalId, cancellationToken);
        }

        progress($"stack '{StackName}' ended {deletion.Status}; drilling plan '{RecoveryPlan}' from what survived");
        var execution = await environment.RunDrillAsync(new BeginRequest(RecoveryPlan, "demo", "drill demo --scenario stack-deleted", Environment.UserName, null), null, cancellationToken);
        if (execution.RunId is not { } runId)
        {
            throw new InvalidOperationException($"The recovery drill did not begin: {execution.Error}: {execution.Cause}");
        }

        var run = await environment.Services.Runs.GetAsync(runId, cancellationToken);
        var targets = await environment.Services.Runs.GetTargetsAsync(runId, cancellationToken);
        var left = await environment.ScratchLeftAsync(DemoPlan.ScratchPrefix, TimeSpan.FromSeconds(10), TimeProvider.System, cancellationToken);
        progress($"plan '{RecoveryPlan}': {VerdictNames.Of(run.Verdict ?? Verdict.Error)}");
        progress("stopping everything the demo started");
        var pointsLeft = deletion.Resources.ToDictionary(
            r => r.PhysicalId,
            r => (IReadOnlyList<string>)[.. aws.Vaults.SelectMany(v => aws.PointsIn(v.Arn)).Where(p => p.ResourceArn == TableArn(r.PhysicalId)).Select(p => $"vault {p.Vault} (account {p.VaultAccount}, region {p.VaultRegion})").Distinct()]);
        return new StackDeletedOutcome(before, deletion, run, targets, left.Count) { PointsLeft = pointsLeft };
    }

    /// <summary>
    /// The recovery plan: each table from whatever can still restore it. Counts are checked against
    /// what the shop held; nothing is compared with a live source, which may be gone.
    /// </summary>
    public static string PlanJson() => $$"""
        {
          "name": "{{RecoveryPlan}}",
          "objectives": { "rtoMinutes": 10, "rpoMinutes": 1440 },
          "scratchPrefix": "{{DemoPlan.ScratchPrefix}}",
          "maxConcurrentRestores": 4,
          "survival": { "require": ["stack", "account"] },
          "targets": [
            { "id": "orders", "type": "dynamodb", "tableName": "{{DemoData.SourceTable}}", "restoreFrom": "auto", "restore": { "withoutSecondaryIndexes": true }, "verification": { "minItemCount": {{Orders}} } },
            { "id": "carts", "type": "dynamodb", "tableName": "{{CartsTable}}", "restoreFrom": "auto", "verification": { "minItemCount": {{Carts}} } },
            { "id": "customers", "type": "dynamodb", "tableName": "{{DemoData.CustomersTable}}", "restoreFrom": "pitr", "verification": { "minItemCount": {{DemoData.Customers}} } },
            { "id": "payments", "type": "aws-backup", "resourceArn": "{{TableArn(PaymentsTable)}}", "recoveryPoint": { "vault": "{{CopyVaultArn}}" }, "verification": { "minItemCount": {{Payments}} } }
          ]
        }
        """;

    private static async Task CreateAsync(IAmazonDynamoDB db, string table, int count, string stem, CancellationToken cancellationToken)
    {
        await TableWaits.CreateKeyedTableAsync(db, table, cancellationToken);
        var items = Enumerable.Range(1, count).Select(n => new Dictionary<string, AttributeValue>
        {
            [TableWaits.KeyAttribute] = new() { S = $"{stem}#{n:D5}" },
            ["amount"] = new() { N = (n * 7 % 500 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        await BatchPuts.PutAllAsync(db, table, items, parallelism: 2, cancellationToken);
    }
}
