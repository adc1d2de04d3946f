using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using DrillRunner.Core.Coverage;
using DrillRunner.Core.Coverage.Survival;
using DrillRunner.Core.Kinds;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Hosting;

namespace DrillRunner.Local.Tests;

/// <summary>Who owns each resource, through the audit's real state machine; and a stack deleted the way CloudFormation does it.</summary>
public sealed class StackOwnerAuditTests
{
    private const string ShopTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
            DeletionPolicy: Retain
            Properties:
              TableName: !Sub '${AWS::StackName}-orders'
          Carts:
            Type: AWS::DynamoDB::Table
            Properties: { TableName: !Join ['-', [!Ref 'AWS::StackName', carts]] }
          Ledger:
            Type: AWS::DynamoDB::Table
            UpdateReplacePolicy: Retain
          Db:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: !FindInMap [Engines, !Ref Env, name] }
        """;

    [Fact]
    public async Task Audit_PagesStacksAndTheirResources_RecordsEachOwnerAndPolicy_TagOwnersAndUnreadableTemplates_WithOnlyReads()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        foreach (var table in new[] { "shop-orders", "shop-carts", "shop-ledger", "files-index" })
        {
            await TableWaits.CreateKeyedTableAsync(local.DynamoDb, table, default);
        }

        await local.DynamoDb.UpdateTableAsync(new UpdateTableRequest { TableName = "shop-ledger", DeletionProtectionEnabled = true });
        local.Aws.AddSource(ScratchKinds.RdsInstance, "shop-db");
        local.Aws.AddSource(ScratchKinds.EbsVolume, "vol-00000000000000abc", new Dictionary<string, string> { [StackOwner.StackNameTag] = "gone-stack", [StackOwner.StackIdTag] = "arn:aws:cloudformation:us-east-1:000000000000:stack/gone-stack/1", [StackOwners.AmplifyGen1ApplicationTag] = "shop", [StackOwners.AmplifyGen1EnvironmentTag] = "dev" });
        local.Aws.AddStack("shop", ShopTemplate, [new("Orders", "AWS::DynamoDB::Table", "shop-orders"), new("Carts", "AWS::DynamoDB::Table", "shop-carts"), new("Ledger", "AWS::DynamoDB::Table", "shop-ledger"), new("Db", "AWS::RDS::DBInstance", "shop-db")]);
        local.Aws.AddStack("files", """{ "Resources": { "Index": { "Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Snapshot" } } }""", [new("Index", "AWS::DynamoDB::Table", "files-index")]);
        local.Aws.AddStack("broken", "Resources: [unclosed", []);
        local.Aws.EstatePageSize = 2;
        var before = local.Aws.Calls.Count;

        var execution = await local.RunCoverageAuditAsync("drill-", new JsonObject(), TimeProvider.System, default, auditId: "owners-1");

        Assert.True(execution.Succeeded, $"{execution.Error}: {execution.Cause}");
        var seen = (await local.Services.Coverage.ReadPagesAsync("owners-1", default)).GroupBy(o => o.Arn).ToDictionary(g => g.Key, g => g.ToList());
        StackOwner Owner(string arn) => StackOwners.Merge(seen[arn].Select(o => o.Owner)) ?? throw new Xunit.Sdk.XunitException($"no owner for {arn}");
        string Table(string name) => $"arn:aws:dynamodb:{LocalAwsWorld.Region}:{LocalAwsWorld.Account}:table/{name}";

        Assert.Equal(("shop", "Orders", "Retain", (string?)null), (Owner(Table("shop-orders")).StackName, Owner(Table("shop-orders")).LogicalId, Owner(Table("shop-orders")).DeletionPolicy, Owner(Table("shop-orders")).TemplateUnreadable));
        Assert.Null(Owner(Table("shop-carts")).DeletionPolicy);
        Assert.Equal("Retain", Owner(Table("shop-ledger")).UpdateReplacePolicy);
        Assert.Equal("Snapshot", Owner(Table("files-index")).DeletionPolicy);
        Assert.Equal(("shop", "Db"), (Owner($"arn:aws:rds:{LocalAwsWorld.Region}:{LocalAwsWorld.Account}:db:shop-db").StackName, Owner($"arn:aws:rds:{LocalAwsWorld.Region}:{LocalAwsWorld.Account}:db:shop-db").LogicalId));
        var orphan = Owner($"arn:aws:ec2:{LocalAwsWorld.Region}:{LocalAwsWorld.Account}:volume/vol-00000000000000abc");
        Assert.Equal(("gone-stack", StackOwners.NotAmongListedStacks, "shop", "dev"), (orphan.StackName, orphan.TemplateUnreadable, orphan.AmplifyApp, orphan.AmplifyEnvironment));
        Assert.True(seen[Table("shop-ledger")].Single(o => o.Kind is not null).DeletionProtection);
        Assert.False(seen[Table("shop-carts")].Single(o => o.Kind is not null).DeletionProtection);

        var calls = local.Aws.Calls.Skip(before).ToList();
        Assert.Contains(calls, c => c.Action == EstateListing.CloudFormationStacks.Action && c.Input["NextToken"] is not null);
        Assert.Contains(calls, c => c.Action == EstateListing.StackResources.Action && c.Input["NextToken"] is not null);
        Assert.Equal(3, calls.Count(c => c.Action == EstateListing.StackTemplate.Action));
        CoverageAuditTests.AssertReadOnlyAsTheModelsSay(calls);

        Assert.Empty(local.SourceWrites);
        Assert.All(local.Aws.Stacks, s => Assert.Equal("CREATE_COMPLETE", s.Status));
    }

    [Fact]
    public async Task DeleteStack_FollowsCloudFormationsRules_RetainKeeps_ProtectionFails_PitrLeavesASystemBackupThatRestores_RdsDefaultsToSnapshot()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        foreach (var table in new[] { "shop-orders", "shop-carts", "shop-ledger", "shop-sessions" })
        {
            await TableWaits.CreateKeyedTableAsync(local.DynamoDb, table, default);
        }

        await local.DynamoDb.PutItemAsync("shop-sessions", new Dictionary<string, AttributeValue> { ["pk"] = new("S#1") });
        await DemoData.EnablePitrAsync(local.DynamoDb, "shop-sessions", default);
        await local.DynamoDb.UpdateTableAsync(new UpdateTableRequest { TableName = "shop-ledger", DeletionProtectionEnabled = true });
        local.Aws.AddSource(ScratchKinds.RdsInstance, "shop-db");
        local.Aws.AddSource(ScratchKinds.EbsVolume, "vol-00000000000000001");
        local.S3.CreateBucket("shop-empty");
        local.Aws.AddStack(
            "shop",
            """
            Resources:
              Orders: { Type: AWS::DynamoDB::Table, DeletionPolicy: Retain }
              Carts: { Type: AWS::DynamoDB::Table }
              Ledger: { Type: AWS::DynamoDB::Table, DeletionPolicy: Delete }
              Sessions: { Type: AWS::DynamoDB::Table }
              Db: { Type: AWS::RDS::DBInstance }
              Disk: { Type: AWS::EC2::Volume, DeletionPolicy: Snapshot }
              Assets: { Type: AWS::S3::Bucket, DeletionPolicy: !If [Prod, Retain, Delete] }
            """,
            [new("Orders", "AWS::DynamoDB::Table", "shop-orders"), new("Carts", "AWS::DynamoDB::Table", "shop-carts"), new("Ledger", "AWS::DynamoDB::Table", "shop-ledger"), new("Sessions", "AWS::DynamoDB::Table", "shop-sessions"), new("Db", "AWS::RDS::DBInstance", "shop-db"), new("Disk", "AWS::EC2::Volume", "vol-00000000000000001"), new("Assets", "AWS::S3::Bucket", "shop-empty")]);

        var deletion = await local.Aws.DeleteStackAsync("shop", default);

        Assert.Equal("DELETE_FAILED", deletion.Status);
        Assert.Equal(["Assets", "Disk", "Db", "Sessions", "Ledger", "Carts", "Orders"], deletion.Resources.Select(r => r.LogicalId));
        var fate = deletion.Resources.ToDictionary(r => r.LogicalId);
        Assert.Equal(ResourceFate.Kept, fate["Orders"].Fate);
        Assert.Equal((ResourceFate.Deleted, (string?)null), (fate["Carts"].Fate, fate["Carts"].Kept));
        Assert.Equal(ResourceFate.DeletionFailed, fate["Ledger"].Fate);
        Assert.Contains("Deletion protection", fate["Ledger"].Why, StringComparison.Ordinal);
        Assert.Equal(ResourceFate.Deleted, fate["Sessions"].Fate);
        Assert.Equal(("Snapshot (CloudFormation's default)", ResourceFate.SnapshotKept), (fate["Db"].Policy, fate["Db"].Fate));
        Assert.Equal(ResourceFate.SnapshotKept, fate["Disk"].Fate);
        Assert.Equal(ResourceFate.Deleted, fate["Assets"].Fate);
        Assert.False(local.S3.Exists("shop-empty"));
        Assert.True(local.Aws.Resource($"arn:aws:rds:{LocalAwsWorld.Region}:{LocalAwsWorld.Account}:db:shop-db")!.Deleted);
        Assert.Equal(2, local.Aws.FinalSnapshots.Count);

        var tables = (await local.DynamoDb.ListTablesAsync(new ListTablesRequest())).TableNames;
        Assert.Contains("shop-orders", tables);
        Assert.Contains("shop-ledger", tables);
        Assert.DoesNotContain("shop-carts", tables);
        Assert.DoesNotContain("shop-sessions", tables);

        // The PITR table's system backup: listed as SYSTEM and under ALL, and it restores.
        var system = Assert.Single((await local.DynamoDb.ListBackupsAsync(new ListBackupsRequest { BackupType = "SYSTEM" })).BackupSummaries);
        Assert.Equal(("shop-sessions", "shop-sessions$DeletedTableBackup", fate["Sessions"].Kept), (system.TableName, system.BackupName, system.BackupArn));
        Assert.Contains((await local.DynamoDb.ListBackupsAsync(new ListBackupsRequest { BackupType = "ALL" })).BackupSummaries, b => b.BackupArn == system.BackupArn);
        await local.DynamoDb.RestoreTableFromBackupAsync(new RestoreTableFromBackupRequest { BackupArn = system.BackupArn, TargetTableName = "shop-sessions-back" });
        await TableWaits.UntilActiveAsync(local.DynamoDb, "shop-sessions-back", default);
        Assert.Equal(1, (await local.DynamoDb.ScanAsync(new ScanRequest("shop-sessions-back"))).Count);

        // What CloudFormation now lists: the failed stack with the resources it still holds.
        var stack = Assert.Single(local.Aws.Stacks);
        Assert.Equal(["DELETE_SKIPPED", "DELETE_COMPLETE", "DELETE_FAILED", "DELETE_COMPLETE", "DELETE_COMPLETE", "DELETE_COMPLETE", "DELETE_COMPLETE"], stack.Resources.Select(r => r.Status));
    }
}
