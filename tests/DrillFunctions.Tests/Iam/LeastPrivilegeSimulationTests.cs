using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;
using DrillRunner.Local.AwsWorld;
using static DrillFunctions.Tests.Iam.SafetyMatrix;

namespace DrillFunctions.Tests.Iam;

/// <summary>
/// template.yaml's roles judged by a real IAM policy evaluator (@cloud-copilot/iam-simulate) rather
/// than by reading the YAML: identity policies, conditions, explicit denies and the permissions
/// boundary, with SAM's policy templates expanded and a stack whose name starts with the scratch prefix.
/// </summary>
public sealed class LeastPrivilegeSimulationTests
{
    private static readonly TestStack Stack = new(TemplateDocument.Load());
    private static readonly IReadOnlyDictionary<string, DeployedRole> Roles = DeployedRoles.Of(Stack);
    private static readonly string RunsTableArn = Stack.Attribute("RunsTable", "Arn");
    private static readonly string RestoreRoleArn = Stack.Attribute("BackupRestoreRole", "Arn");

    [Fact]
    public void EveryRoleOfTheStack_IsSimulated()
    {
        Assert.Equal(
            TemplateDocument.OfType(Stack.Template, "AWS::Serverless::Function").Select(f => f.Name + "Role")
                .Concat(TemplateDocument.OfType(Stack.Template, "AWS::Serverless::StateMachine").Select(m => m.Name + "Role"))
                .Concat(TemplateDocument.OfType(Stack.Template, "AWS::IAM::Role").Select(r => r.Name))
                .Order(),
            Roles.Keys.Order());
        Assert.All(Roles.Values.Where(r => r.Name != "BackupRestoreRole"), r => Assert.NotEmpty(r.Boundary));
    }

    [Fact]
    public void EveryActionAndConditionKeyNamed_Exists_AndEveryGrantTakesEffect()
    {
        var verdicts = IamJudge.Judge(Roles, []);

        Assert.True(verdicts.Problems.Count == 0, string.Join(Environment.NewLine, verdicts.Problems));
    }

    [Fact]
    public void NoRole_MayHarmASource_TheRunnersOwnTable_ABackup_OrAKey()
    {
        var requests = Roles.Keys.SelectMany(role => Harm(RunsTableArn).Select(h => new IamRequest(role, h.Action, h.Resource, h.Context))).ToList();
        requests.AddRange(Roles.Keys.Select(role => new IamRequest(role, "iam:PassRole", RestoreRoleArn, new Dictionary<string, object> { ["iam:PassedToService"] = "ec2.amazonaws.com" })));

        var verdicts = IamJudge.Judge(Roles, requests);

        Assert.True(requests.Count > 600, $"the matrix shrank to {requests.Count} requests");
        var wrong = verdicts.Decisions.Where(d => d.Decision.StartsWith(IamJudge.Allowed, StringComparison.Ordinal) || d.Decision.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Select(w => $"{w.Request} -> {w.Decision}")));
    }

    [Fact]
    public void BeginDrill_WhichReadsTagsToSelectTargets_CannotWriteASourceOrItsTags()
    {
        var requests = new List<IamRequest>
        {
            new("BeginDrillFunctionRole", "dynamodb:TagResource", SourceTableArn),
            new("BeginDrillFunctionRole", "dynamodb:UntagResource", SourceTableArn),
            new("BeginDrillFunctionRole", "dynamodb:PutItem", SourceTableArn),
            new("BeginDrillFunctionRole", "dynamodb:DeleteTable", SourceTableArn),
            new("BeginDrillFunctionRole", "dynamodb:UpdateTable", SourceTableArn),
            new("BeginDrillFunctionRole", "s3:PutBucketTagging", SourceBucketArn),
            new("BeginDrillFunctionRole", "s3:DeleteBucket", SourceBucketArn),
            new("BeginDrillFunctionRole", "s3:PutObject", SourceBucketArn + "/x"),
            new("BeginDrillFunctionRole", "s3:GetObject", SourceBucketArn + "/x"),
        };

        var verdicts = IamJudge.Judge(Roles, requests);

        var allowed = verdicts.Decisions.Where(d => d.Decision.StartsWith(IamJudge.Allowed, StringComparison.Ordinal) || d.Decision.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(allowed.Count == 0, string.Join(Environment.NewLine, allowed.Select(w => $"{w.Request} -> {w.Decision}")));
    }

    [Fact]
    public void EachRole_MayDoWhatTheDrillNeeds()
    {
        var needs = new List<IamRequest>
        {
            new("ResolveRecoveryPointFunctionRole", "dynamodb:DescribeContinuousBackups", SourceTableArn),
            new("ResolveRecoveryPointFunctionRole", "dynamodb:ListBackups", "*"),
            new("StartRestoreFunctionRole", "dynamodb:RestoreTableToPointInTime", SourceTableArn),
            new("StartRestoreFunctionRole", "dynamodb:DescribeTable", SourceTableArn), // the source's size, for the restore's forecast
            new("VerifyTargetFunctionRole", "dynamodb:DescribeTable", SourceTableArn), // the source's size, for the count's segments
            new("StartRestoreFunctionRole", "dynamodb:RestoreTableFromBackup", SourceBackupArn),
            new("StartRestoreFunctionRole", "dynamodb:PutItem", ScratchTableArn),
            new("StartRestoreFunctionRole", "dynamodb:TagResource", ScratchTableArn),
            new("CheckRestoreFunctionRole", "dynamodb:DescribeTable", ScratchTableArn),
            new("VerifyTargetFunctionRole", "dynamodb:Scan", SourceTableArn),
            new("VerifyTargetFunctionRole", "dynamodb:Scan", ScratchTableArn),
            new("VerifyTargetFunctionRole", "s3:ListBucket", SourceBucketArn),
            new("VerifyTargetFunctionRole", "s3:GetObject", ScratchObjectArn),
            new("TeardownFunctionRole", "dynamodb:DeleteTable", ScratchTableArn),
            new("TeardownFunctionRole", "s3:DeleteObjectVersion", ScratchObjectArn),
            new("TeardownFunctionRole", "s3:DeleteBucket", ScratchBucketArn),
            new("JanitorFunctionRole", "dynamodb:ListTables", "*"),
            new("BeginDrillFunctionRole", "dynamodb:ListTables", "*"), // a plan's "select" rules, resolved when the drill begins
            new("BeginDrillFunctionRole", "dynamodb:DescribeTable", SourceTableArn),
            new("BeginDrillFunctionRole", "dynamodb:ListTagsOfResource", SourceTableArn),
            new("BeginDrillFunctionRole", "s3:ListAllMyBuckets", "*"),
            new("BeginDrillFunctionRole", "s3:GetBucketTagging", SourceBucketArn),
            new("JanitorFunctionRole", "dynamodb:DeleteTable", ScratchTableArn),
            new("JanitorFunctionRole", "s3:DeleteBucket", ScratchBucketArn),
            new("RestoreDrillStateMachineRole", "backup:StartRestoreJob", RecoveryPointArn),
            new("RestoreDrillStateMachineRole", "iam:PassRole", RestoreRoleArn, new Dictionary<string, object> { ["iam:PassedToService"] = "backup.amazonaws.com" }),
            new("RestoreDrillStateMachineRole", "ec2:CreateTags", VolumeArn, DrillTagRequest()),
            new("RestoreDrillStateMachineRole", "elasticfilesystem:TagResource", FileSystemArn, DrillTagRequest()),
            new("RestoreDrillStateMachineRole", "rds:AddTagsToResource", ScratchDbArn),
            new("RestoreDrillStateMachineRole", "rds:DeleteDBInstance", ScratchDbArn),
            new("RestoreDrillStateMachineRole", "ec2:DeleteVolume", VolumeArn, ScratchTags),
            new("RestoreDrillStateMachineRole", "elasticfilesystem:DeleteFileSystem", FileSystemArn, ScratchTags),
            new("ScratchJanitorStateMachineRole", "rds:DeleteDBCluster", ScratchClusterArn),
            new("ScratchJanitorStateMachineRole", "ec2:DeleteVolume", VolumeArn, ScratchTags),
            new("BackupRestoreRole", "dynamodb:RestoreTableFromBackup", SourceBackupArn),
            new("BackupRestoreRole", "dynamodb:PutItem", ScratchTableArn),
            new("BackupRestoreRole", "s3:CreateBucket", ScratchBucketArn),
            new("BackupRestoreRole", "s3:PutObject", ScratchObjectArn),
            new("BackupRestoreRole", "rds:RestoreDBInstanceFromDBSnapshot", ScratchDbArn),
            new("BackupRestoreRole", "rds:RestoreDBInstanceFromDBSnapshot", DbSnapshotArn),
            new("BackupRestoreRole", "rds:RestoreDBClusterFromSnapshot", ScratchClusterArn),
            new("BackupRestoreRole", "ec2:CreateVolume", EbsSnapshotArn),
            new("BackupRestoreRole", "ec2:CreateTags", VolumeArn, new Dictionary<string, object> { ["ec2:CreateAction"] = "CreateVolume" }),
            new("BackupRestoreRole", "elasticfilesystem:Restore", FileSystemArn),
            new("BackupRestoreRole", "kms:Decrypt", KeyArn, new Dictionary<string, object> { ["kms:ViaService"] = $"rds.{TestStack.Region}.amazonaws.com" }),
            new("DrillRequestPipeRole", "dynamodb:GetRecords", Stack.Attribute("RunsTable", "StreamArn")),
            new("DrillRequestPipeRole", "dynamodb:ListStreams", "*"),
            new("DrillRequestPipeRole", "states:StartExecution", Stack.Attribute("RestoreDrillStateMachine", "Arn")),
            new("DrillRequestPipeRole", "states:StartExecution", Stack.Attribute("CoverageAuditStateMachine", "Arn")),
            new("CoverageAuditFunctionRole", "dynamodb:PutItem", RunsTableArn),
            new("RecordRunbookGapFunctionRole", "dynamodb:DescribeTimeToLive", SourceTableArn),
            new("RecordRunbookGapFunctionRole", "dynamodb:ListTagsOfResource", ScratchTableArn),
            new("RestoreDrillStateMachineRole", "application-autoscaling:DescribeScalingPolicies", "*"),
        };
        needs.AddRange(TemplateDocument.OfType(Stack.Template, "AWS::Serverless::Function").Select(f => new IamRequest(f.Name + "Role", "dynamodb:Query", RunsTableArn)));

        AssertAllAllowed(needs);
    }

    [Fact]
    public void DrillRole_ListsCopyVaults_OwnAndSharedFromAnotherAccount_ButChangesNoVaultOrRecoveryPoint()
    {
        const string role = "RestoreDrillStateMachineRole";
        var sharedVault = $"arn:aws:backup:{TestStack.Region}:111122223333:backup-vault:air-gapped-copies";
        AssertAllAllowed(
        [
            new(role, "backup:ListBackupVaults", "*"),
            new(role, "backup:ListRecoveryPointsByBackupVault", VaultArn),
            new(role, "backup:ListRecoveryPointsByBackupVault", sharedVault),
        ]);

        // Reading copies is all it may do to a vault: no copy, no deletion, no policy or lock change.
        var writes = new[] { "backup:DeleteRecoveryPoint", "backup:StartCopyJob", "backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVault", "backup:PutBackupVaultLockConfiguration", "backup:UpdateRecoveryPointLifecycle" }
            .SelectMany(action => new[] { new IamRequest(role, action, VaultArn), new IamRequest(role, action, sharedVault), new IamRequest(role, action, RecoveryPointArn) })
            .ToList();
        Assert.All(IamJudge.Judge(Roles, writes).Decisions, d => Assert.False(d.Decision.StartsWith(IamJudge.Allowed, StringComparison.Ordinal), $"{d.Request} -> {d.Decision}"));
    }

    [Fact]
    public void CheckRelations_ReadsTheScratchTablesAndBuckets_AndNothingOfASource()
    {
        const string role = "CheckRelationsFunctionRole";
        AssertAllAllowed(
        [
            new(role, "dynamodb:Scan", ScratchTableArn),
            new(role, "dynamodb:Query", ScratchTableArn),
            new(role, "dynamodb:BatchGetItem", ScratchTableArn),
            new(role, "dynamodb:DescribeTable", ScratchTableArn),
            new(role, "s3:GetObject", ScratchObjectArn),
            new(role, "s3:ListBucket", ScratchBucketArn), // without it, HeadObject of a missing key is 403, not 404
        ]);

        var sources = new IamRequest[]
        {
            new(role, "dynamodb:Scan", SourceTableArn),
            new(role, "dynamodb:Query", SourceTableArn),
            new(role, "dynamodb:BatchGetItem", SourceTableArn),
            new(role, "dynamodb:GetItem", SourceTableArn),
            new(role, "dynamodb:PutItem", ScratchTableArn),
            new(role, "s3:GetObject", SourceObjectArn),
            new(role, "s3:ListBucket", SourceBucketArn),
            new(role, "s3:PutObject", ScratchObjectArn),
        };
        Assert.All(IamJudge.Judge(Roles, sources).Decisions, d => Assert.NotEqual(IamJudge.Allowed, d.Decision));
    }

    [Fact]
    public void EveryRestoreKind_IsRestoredDescribedAndDeletedByTheRolesItsRecordNames()
    {
        // A kind added to RestoreKinds without its statements in template.yaml fails here.
        var requests = new List<IamRequest>();
        foreach (var kind in RestoreKinds.All)
        {
            var scratch = kind.ArnOf(TestStack.Region, TestStack.Account, kind.NamedByTag ? kind.NamePlaceholder.Replace("ID", "0123456789abcdef0", StringComparison.Ordinal) : $"{TestStack.ScratchPrefix}{RunId}-data");
            requests.AddRange(kind.RestoreActions.Select(action => new IamRequest("BackupRestoreRole", action, scratch)));
            requests.AddRange(kind.FunctionDeleteActions.SelectMany(action => new[] { "TeardownFunctionRole", "JanitorFunctionRole" }.Select(role => new IamRequest(role, action, scratch))));
            foreach (var (call, roles) in new[] { (kind.Describe, new[] { "RestoreDrillStateMachineRole" }), (kind.Delete, new[] { "RestoreDrillStateMachineRole", "ScratchJanitorStateMachineRole" }) })
            {
                if (call is null)
                {
                    continue;
                }

                // The record's IAM action must be the one the API model names for its call.
                var model = ApiModel.For(call.Service);
                Assert.Equal($"{model.IamPrefix}:{model.Operation(call.Action)}", call.IamAction);
                var (target, context) = ScratchResourceFor(call.IamAction);
                requests.AddRange(roles.Select(role => new IamRequest(role, call.IamAction, target, context)));
            }
        }

        Assert.True(requests.Count >= RestoreKinds.All.Count * 2, $"only {requests.Count} requests");
        AssertAllAllowed(requests);
    }

    [Fact]
    public void EveryTaskOfEveryStateMachine_IsAllowedToTheRoleThatRunsIt()
    {
        var requests = TaskRequests("RestoreDrillStateMachineRole", AslDocument.Load())
            .Concat(TaskRequests("ScratchJanitorStateMachineRole", AslDocument.LoadJanitor()))
            .Concat(TaskRequests("CoverageAuditStateMachineRole", AslDocument.LoadCoverage()))
            .ToList();

        Assert.True(requests.Count >= 45, $"only {requests.Count} task permissions found");
        AssertAllAllowed(requests);
    }

    [Fact]
    public void Tagging_CannotMakeANamedProductionVolumeOrFileSystemDeletable()
    {
        const string role = "RestoreDrillStateMachineRole";
        var requests = new List<IamRequest>
        {
            new(role, "ec2:CreateTags", VolumeArn, Merge(ProductionTags, DrillTagRequest())),
            new(role, "elasticfilesystem:TagResource", FileSystemArn, Merge(ProductionTags, DrillTagRequest())),
            new(role, "ec2:CreateTags", VolumeArn, DrillTagRequest(name: "prod-data")),
            new(role, "ec2:CreateTags", VolumeArn, Merge(DrillTagRequest(), new Dictionary<string, object> { ["aws:TagKeys"] = new[] { "Name", "drill:run-id", "Owner" } })),
            new(role, "ec2:CreateTags", VolumeArn, Merge(ScratchTags, DrillTagRequest())),
            new(role, "ec2:DeleteVolume", VolumeArn, new Dictionary<string, object> { ["aws:ResourceTag/Name"] = $"{TestStack.ScratchPrefix}x" }),
        };

        var verdicts = IamJudge.Judge(Roles, requests);

        Assert.All(verdicts.Decisions, d => Assert.False(d.Decision.StartsWith(IamJudge.Allowed, StringComparison.Ordinal), $"{d.Request} -> {d.Decision}"));
    }

    [Fact]
    public void RestoreRole_RestoresOnlyIntoScratch_AndDeletesNothingElse()
    {
        const string role = "BackupRestoreRole";
        var requests = new List<IamRequest>
        {
            new(role, "s3:PutObject", SourceObjectArn),
            new(role, "s3:CreateBucket", SourceBucketArn),
            new(role, "dynamodb:PutItem", SourceTableArn),
            new(role, "dynamodb:RestoreTableFromAwsBackup", SourceTableArn),
            new(role, "rds:RestoreDBInstanceFromDBSnapshot", SourceDbArn),
            new(role, "rds:DeleteDBInstance", SourceDbArn),
            new(role, "rds:DeleteDBCluster", SourceClusterArn),
            new(role, "ec2:DeleteVolume", VolumeArn, ProductionTags),
            new(role, "ec2:CreateTags", VolumeArn, ProductionTags),
            new(role, "elasticfilesystem:DeleteFileSystem", FileSystemArn, ProductionTags),
            new(role, "kms:Decrypt", KeyArn),

            // Its scratch-table grants match the runs table by name when the stack's name starts with the prefix.
            new(role, "dynamodb:PutItem", RunsTableArn),
            new(role, "dynamodb:DeleteItem", RunsTableArn),
            new(role, "dynamodb:RestoreTableFromAwsBackup", RunsTableArn),
        };

        var verdicts = IamJudge.Judge(Roles, requests);

        Assert.All(verdicts.Decisions, d => Assert.False(d.Decision.StartsWith(IamJudge.Allowed, StringComparison.Ordinal), $"{d.Request} -> {d.Decision}"));
    }

    [Fact]
    public void CoverageAudit_IsReadOnly_ItsRoleMayListAndDescribe_AndNothingElseOfTheServicesItLooksAt()
    {
        // Every action (per the Service Authorization Reference) of every service the audit looks at,
        // on a production resource of that service: only the listings the audit makes may be allowed.
        const string role = "CoverageAuditStateMachineRole";
        var listings = EstateListing.All.Append(EstateListing.StackResources).Select(l => l.IamAction)
            .Concat([EstateListing.ContinuousBackups.IamAction, EstateListing.DescribeTable.IamAction, EstateListing.StackTemplate.IamAction])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var requests = new[] { "dynamodb", "backup", "rds", "s3", "ec2", "elasticfilesystem", "tag", "kms", "cloudformation" }
            .SelectMany(IamData.Actions)
            .Select(action => new IamRequest(role, action, IamData.ResourceFor(action)))
            .ToList();

        var verdicts = IamJudge.Judge(Roles, requests);

        Assert.True(requests.Count > 1_000, $"the read-only matrix shrank to {requests.Count} requests");
        var allowed = verdicts.Decisions.Where(d => d.Decision == IamJudge.Allowed).Select(d => d.Request.Action).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // (That the listings themselves are allowed, on the resources they name, EveryTaskOfEveryStateMachine_… shows.)
        Assert.True(allowed.IsSubsetOf(listings) && allowed.Count >= listings.Count - 2, $"allowed: {string.Join(", ", allowed)}; beyond the listings: {string.Join(", ", allowed.Except(listings))}");
        Assert.All(allowed, action => Assert.True(IamData.AccessLevel(action) is "List" or "Read", $"{action} is {IamData.AccessLevel(action)}, not a read"));
        var errors = verdicts.Decisions.Where(d => d.Decision.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(5).Select(e => $"{e.Request} -> {e.Decision}")));

        // It reads stacks and templates, and can never delete, update or otherwise change a stack (the matrix above holds every CloudFormation action; these are the ones the post-mortem is about).
        var stackChanges = verdicts.Decisions.Where(d => d.Request.Action is "cloudformation:DeleteStack" or "cloudformation:UpdateStack" or "cloudformation:UpdateTerminationProtection" or "cloudformation:SetStackPolicy" or "cloudformation:ExecuteChangeSet" or "cloudformation:ContinueUpdateRollback").ToList();
        Assert.Equal(6, stackChanges.Count);
        Assert.All(stackChanges, d => Assert.NotEqual(IamJudge.Allowed, d.Decision));
        Assert.Contains("cloudformation:GetTemplate", allowed);
        Assert.Contains("cloudformation:ListStackResources", allowed);
        Assert.Contains("cloudformation:ListStacks", allowed);
        Assert.Contains("dynamodb:DescribeTable", allowed);

        // Its function touches only the runs table: it may not list, read or change what the audit looks at.
        var function = new[] { "dynamodb:ListTables", "dynamodb:Scan", "dynamodb:DescribeContinuousBackups", "dynamodb:UpdateContinuousBackups", "s3:GetObject", "rds:DescribeDBInstances", "cloudformation:GetTemplate", "cloudformation:DeleteStack" }
            .Select(action => new IamRequest("CoverageAuditFunctionRole", action, action.StartsWith("s3", StringComparison.Ordinal) ? SourceObjectArn : action.StartsWith("rds", StringComparison.Ordinal) ? SourceDbArn : action.StartsWith("cloudformation", StringComparison.Ordinal) ? IamData.ResourceFor(action) : SourceTableArn))
            .ToList();
        Assert.All(IamJudge.Judge(Roles, function).Decisions, d => Assert.NotEqual(IamJudge.Allowed, d.Decision));
    }

    [Fact]
    public void CoverageAudit_ListsEveryVaultsRecoveryPoints_IncludingASharedVault_ButCannotDeleteOrChangeAPointAVaultOrItsLock()
    {
        const string role = "CoverageAuditStateMachineRole";
        const string otherAccount = "444455556666";
        var vaults = new[] { TestStack.Arn("backup", "backup-vault:Default"), $"arn:{TestStack.Partition}:backup:{TestStack.Region}:{otherAccount}:backup-vault:air-gapped" };
        var points = new[] { TestStack.Arn("backup", "recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45"), $"arn:{TestStack.Partition}:backup:{TestStack.Region}:{otherAccount}:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45" };

        AssertAllAllowed([.. vaults.Select(v => new IamRequest(role, EstateListing.VaultRecoveryPoints.IamAction, v)), new(role, EstateListing.BackupVaults.IamAction, "*"), new(role, EstateListing.CopyJobs.IamAction, "*")]);

        var harmful = vaults.SelectMany(v => new[] { "backup:DeleteBackupVault", "backup:PutBackupVaultLockConfiguration", "backup:DeleteBackupVaultLockConfiguration", "backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVaultAccessPolicy", "backup:StartCopyJob" }.Select(a => new IamRequest(role, a, v)))
            .Concat(points.SelectMany(p => new[] { "backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:DisassociateRecoveryPoint", "backup:StartCopyJob" }.Select(a => new IamRequest(role, a, p))))
            .ToList();
        var verdicts = IamJudge.Judge(Roles, harmful);
        Assert.Equal(harmful.Count, verdicts.Decisions.Count);
        Assert.All(verdicts.Decisions, d => Assert.False(d.Decision.StartsWith(IamJudge.Allowed, StringComparison.Ordinal), $"{d.Request} -> {d.Decision}"));
    }

    private static void AssertAllAllowed(IReadOnlyList<IamRequest> requests)
    {
        var verdicts = IamJudge.Judge(Roles, requests);
        var refused = verdicts.Decisions.Where(d => d.Decision != IamJudge.Allowed).ToList();
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused.Select(r => $"{r.Request} -> {r.Decision}")));
    }

    /// <summary>What each Task state asks IAM for, with a scratch resource of the right kind.</summary>
    private static IEnumerable<IamRequest> TaskRequests(string role, JsonObject machine)
    {
        var ownArn = Stack.Attribute("RestoreDrillStateMachine", "Arn");
        foreach (var (name, state, _) in AslDocument.States(machine))
        {
            if (state["ItemProcessor"]?["ProcessorConfig"]?["Mode"]?.GetValue<string>() == "DISTRIBUTED")
            {
                yield return new IamRequest(role, "states:StartExecution", ownArn);
            }

            var resource = state["Resource"]?.GetValue<string>();
            switch (resource)
            {
                case null:
                    continue;
                case "arn:aws:states:::lambda:invoke":
                    var function = state["Parameters"]!["FunctionName"]?.GetValue<string>();
                    var arn = function is null
                        ? TestStack.Arn("lambda", "function:drill-verify-billing")
                        : Stack.Attribute(function + "Function", "Arn");
                    yield return new IamRequest(role, "lambda:InvokeFunction", arn);
                    break;
                case "arn:aws:states:::sns:publish":
                    yield return new IamRequest(role, "sns:Publish", Stack.Attribute("NotificationsTopic", "Arn"));
                    break;
                case var sdk when sdk.StartsWith("arn:aws:states:::aws-sdk:", StringComparison.Ordinal):
                    var parts = sdk["arn:aws:states:::aws-sdk:".Length..].Split(':');
                    var model = ApiModel.For(parts[0]);
                    var action = model.IamAction(model.Operation(parts[1])!);
                    var (target, context) = ScratchResourceFor(action);
                    yield return new IamRequest(role, action, target, context);
                    break;
                default:
                    throw new InvalidOperationException($"Task {name} uses {resource}, which this test cannot map to an IAM action; teach it.");
            }
        }
    }

    private static (string Resource, Dictionary<string, object>? Context) ScratchResourceFor(string action) => action switch
    {
        "backup:StartRestoreJob" or "backup:GetRecoveryPointRestoreMetadata" => (RecoveryPointArn, null),
        "dynamodb:DescribeContinuousBackups" or "dynamodb:DescribeTable" => (SourceTableArn, null),
        "cloudformation:ListStackResources" or "cloudformation:GetTemplate" => (IamData.ResourceFor(action), null),
        "backup:ListRecoveryPointsByBackupVault" => (VaultArn, null),
        "rds:DeleteDBInstance" or "rds:DescribeDBInstances" => (ScratchDbArn, null),
        "rds:DeleteDBCluster" or "rds:DescribeDBClusters" => (ScratchClusterArn, null),
        "ec2:DeleteVolume" => (VolumeArn, ScratchTags),
        "elasticfilesystem:DeleteFileSystem" => (FileSystemArn, ScratchTags),
        _ => ("*", null),
    };
}
