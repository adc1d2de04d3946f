using DrillRunner.Core.Kinds;
using System.Text.Json.Nodes;
using DrillRunner.Local.AwsWorld;

namespace DrillFunctions.Tests;

/// <summary>The AWS Backup branch, teardown's deletes and the janitor's machine: AWS SDK integrations checked against the aws-sdk v2 API models.</summary>
public sealed class BackupStateMachineTests
{
    private const string AwsSdk = "arn:aws:states:::aws-sdk:";
    private readonly JsonObject _machine = AslDocument.Load();

    [Fact]
    public void EveryAwsSdkTask_UsesAServiceActionAndParameterNamesOfTheApiModel()
    {
        var checkedTasks = AssertSdkTasksFollowTheApiModels(_machine);

        Assert.True(checkedTasks >= 14, $"only {checkedTasks} aws-sdk tasks");
    }

    [Fact]
    public void ApiModelCheck_CatchesWrongNamesCasingAndMissingRequiredMembers()
    {
        var backup = ApiModel.For("backup");

        Assert.Null(backup.Operation("StartRestoreJob"));
        Assert.Null(backup.Operation("startRestoreJobs"));
        Assert.Equal("StartRestoreJob", backup.Operation("startRestoreJob"));
        Assert.Contains(backup.CheckInput("StartRestoreJob", new JsonObject { ["RecoveryPointArn.$"] = "$.a", ["MetaData.$"] = "$.b" }), p => p.Contains("'MetaData' is not a member", StringComparison.Ordinal));
        Assert.Contains(backup.CheckInput("StartRestoreJob", new JsonObject { ["RecoveryPointArn.$"] = "$.a" }), p => p.Contains("required member 'Metadata'", StringComparison.Ordinal));
        Assert.Contains(ApiModel.For("rds").CheckInput("DeleteDBInstance", new JsonObject { ["DBInstanceIdentifier.$"] = "$.id", ["SkipFinalSnapshot"] = "true" }), p => p.Contains("expected a boolean", StringComparison.Ordinal));
        Assert.Contains(ApiModel.For("resourcegroupstaggingapi").CheckInput("GetResources", new JsonObject { ["TagFilters"] = new JsonArray(new JsonObject { ["Name"] = "x" }) }), p => p.Contains("'Name' is not a member", StringComparison.Ordinal));
        Assert.Contains(backup.CheckOutput("DescribeRestoreJob", new JsonObject { ["Status"] = "COMPLETED", ["CreatedResource"] = "arn" }), p => p.Contains("'CreatedResource' is not a member", StringComparison.Ordinal));
        Assert.Contains(backup.CheckOutput("DescribeRestoreJob", new JsonObject { ["CreationDate"] = 1764212400 }), p => p.Contains("ISO 8601", StringComparison.Ordinal));
        Assert.Contains(backup.CheckOutput("ListRecoveryPointsByResource", new JsonObject { ["RecoveryPoints"] = new JsonArray(new JsonObject { ["BackupSizeBytes"] = "1" }) }), p => p.Contains("expected a number", StringComparison.Ordinal));
        Assert.Empty(backup.CheckOutput("DescribeRestoreJob", new JsonObject { ["Status"] = "COMPLETED", ["CreationDate"] = "2026-11-27T03:00:00.000Z", ["ExpectedCompletionTimeMinutes"] = 5 }));
    }

    [Fact]
    public void EveryKindsReadiness_ReadsMembersOfItsDescribeCallsAnswer_AsTheApiModelNamesThem()
    {
        var described = RestoreKinds.All.Where(k => k.Readiness is not null).ToList();
        Assert.Equal(RestoreKinds.All.Where(k => k.Check is RestoredCheck.DatabaseEndpoint or RestoredCheck.Availability), described);
        foreach (var kind in described)
        {
            var readiness = kind.Readiness!;
            var resource = new JsonObject { [readiness.IdMember] = "scratch-id", [readiness.StatusMember] = "available" };
            if (readiness.EndpointNeeds is { } needed)
            {
                resource[needed] = new JsonArray();
            }

            if (readiness.AddressMember is { } address)
            {
                var endpoint = readiness.EndpointMember is { } member ? (JsonObject)(resource[member] = new JsonObject()) : resource;
                endpoint[address] = "scratch.example.internal";
                endpoint[readiness.PortMember ?? "Port"] = 5432;
            }

            var model = ApiModel.For(readiness.Describe.Service);
            Assert.Empty(model.CheckOutput(model.Operation(readiness.Describe.Action)!, new JsonObject { [readiness.ListMember] = new JsonArray(resource) }));
        }

        // A misspelt member is what the model check is there to catch.
        Assert.NotEmpty(ApiModel.For("rds").CheckOutput("DescribeDBInstances", new JsonObject { ["DBInstances"] = new JsonArray(new JsonObject { ["Status"] = "available" }) }));
    }

    [Fact]
    public void BackupBranch_RestoresWithTheTemplatesRoleAndAnIdempotencyToken_AndReportsValidationOnBothOutcomes()
    {
        var map = _machine["States"]!["DrillTargets"]!["ItemProcessor"]!["States"]!.AsObject();
        var start = map["StartRestoreJob"]!["Parameters"]!;

        Assert.Equal("arn:aws:iam::000000000000:role/local-backup-restore", start["IamRoleArn"]!.GetValue<string>());
        Assert.Equal("$.restore.value.IdempotencyToken", start["IdempotencyToken.$"]!.GetValue<string>());
        // A target that names a vault or copyOf is listed vault by vault, as ChooseRecoveryPoint says; the others by resource.
        Assert.Equal(["StartVaultListing", "ListRecoveryPoints"], map["RouteTarget"]!["Choices"]!.AsArray().Select(c => c!["Next"]!.GetValue<string>()));
        Assert.Equal(["ListBackupVaults", "ListVaultRecoveryPoints", "ListMoreRecoveryPoints"], map["MoreRecoveryPoints"]!["Choices"]!.AsArray().Select(c => c!["Next"]!.GetValue<string>()));
        Assert.Contains("ReportValidation", AslDocument.ReachableFrom("RecordTargetFailure", map));
        Assert.Contains("ReportValidation", AslDocument.ReachableFrom("HasVerifier", map));
        Assert.Equal("WaitForRestoreJob", map["IsRestoreJobDone"]!["Default"]!.GetValue<string>());
        Assert.Equal("$.poll.value.waitSeconds", map["WaitForRestoreJob"]!["SecondsPath"]!.GetValue<string>());
    }

    [Fact]
    public void Teardown_DeletesDatabasesWithoutFinalSnapshot_AndComesBackToRecordTheOutcome()
    {
        var top = _machine["States"]!.AsObject();
        var deletions = top["DeleteScratchResources"]!["ItemProcessor"]!["States"]!.AsObject();

        Assert.True(deletions["DeleteDBInstance"]!["Parameters"]!["SkipFinalSnapshot"]!.GetValue<bool>());
        Assert.True(deletions["DeleteDBCluster"]!["Parameters"]!["SkipFinalSnapshot"]!.GetValue<bool>());
        Assert.Equal("Teardown", top["DeleteScratchResources"]!["Next"]!.GetValue<string>());
        Assert.Equal("Teardown", top["DeleteScratchResources"]!["Catch"]![0]!["Next"]!.GetValue<string>());
        Assert.Equal("FindRunResources", top["PrepareTeardown"]!["Choices"]![0]!["Next"]!.GetValue<string>());
        Assert.All(deletions.Where(d => d.Value!["Type"]!.GetValue<string>() == "Task"), d => Assert.Equal("DeletionFailed", d.Value!["Catch"]![0]!["Next"]!.GetValue<string>()));
    }

    [Fact]
    public async Task JanitorMachine_IsValid_UsesModelNames_AndDeletesExactlyAsTeardownDoes()
    {
        var janitor = AslDocument.LoadJanitor();
        var (valid, output) = await AslDocument.ValidateAsync(janitor);
        Assert.True(valid, output);

        Assert.True(AssertSdkTasksFollowTheApiModels(janitor) >= 1);

        Assert.True(JsonNode.DeepEquals(
            _machine["States"]!["DeleteScratchResources"]!["ItemProcessor"],
            janitor["States"]!["DeleteExpired"]!["ItemProcessor"]), "the janitor's deletes drifted from teardown's");
        Assert.All(janitor["States"]!.AsObject().Where(s => s.Value!["Type"]!.GetValue<string>() is "Task" or "Map"), s => Assert.Equal("JanitorFailed", s.Value!["Catch"]![0]!["Next"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CoverageMachine_IsValid_ListsWithTheModelsNames_AndAnyFailureEndsTheAudit()
    {
        var coverage = AslDocument.LoadCoverage();
        var (valid, output) = await AslDocument.ValidateAsync(coverage);
        Assert.True(valid, output);

        // Every listing (and each stack's resources), twice (the first page and the next), a vault's recovery points in each vault listing's Map;
        // each table's PITR setting and deletion protection; each stack's template.
        Assert.Equal(EstateListing.All.Append(EstateListing.StackResources).Sum(l => l.PerItemOf is null ? 2 : 2 * EstateListing.VaultListings.Count) + 3, AssertSdkTasksFollowTheApiModels(coverage));
        foreach (var listing in EstateListing.All.Append(EstateListing.StackResources))
        {
            var model = ApiModel.For(listing.Service);
            var operation = model.Operation(listing.Action)!;
            Assert.Equal(model.IamAction(operation), listing.IamAction);
            var input = new JsonObject { [listing.RequestToken] = "token" };
            if (listing.PageSizeMember is { } size)
            {
                input[size] = listing.PageSize;
            }

            foreach (var (name, value) in listing.Fixed)
            {
                input[name] = value;
            }

            foreach (var (name, flag) in listing.FixedFlags)
            {
                input[name] = flag;
            }

            foreach (var (name, values) in listing.FixedLists)
            {
                input[name] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
            }

            foreach (var (name, path) in listing.FromState)
            {
                input[$"{name}.$"] = path;
            }

            Assert.Empty(model.CheckInput(operation, input));
            Assert.Empty(model.CheckOutput(operation, new JsonObject { [listing.ItemsMember] = new JsonArray(), [listing.ResponseToken] = "token" }));
        }

        foreach (var call in new[] { EstateListing.ContinuousBackups, EstateListing.DescribeTable, EstateListing.StackTemplate })
        {
            var model = ApiModel.For(call.Service);
            Assert.Equal(model.IamAction(model.Operation(call.Action)!), call.IamAction);
        }
        Assert.All(
            coverage["States"]!.AsObject().Where(s => s.Value!["Type"]!.GetValue<string>() is "Task" or "Map" && s.Key != "Notify"),
            s => Assert.Equal("AuditFailed", s.Value!["Catch"]![0]!["Next"]!.GetValue<string>()));
        Assert.DoesNotContain(AslDocument.States(coverage), s => s.State["Resource"]?.GetValue<string>() is { } resource && !resource.Contains(":list", StringComparison.Ordinal) && !resource.Contains(":describe", StringComparison.Ordinal) && !resource.EndsWith(":getTemplate", StringComparison.Ordinal) && !resource.EndsWith("lambda:invoke", StringComparison.Ordinal) && !resource.EndsWith("sns:publish", StringComparison.Ordinal));
    }

    /// <summary>Every aws-sdk task names a service and a camelCase action of its API model, with the model's parameter names, and the local world answers it. Returns how many there are.</summary>
    private static int AssertSdkTasksFollowTheApiModels(JsonObject machine)
    {
        var sdkTasks = AslDocument.States(machine).Where(s => s.State["Resource"]?.GetValue<string>()?.StartsWith(AwsSdk, StringComparison.Ordinal) == true).ToList();
        foreach (var (name, state, _) in sdkTasks)
        {
            var parts = state["Resource"]!.GetValue<string>()[AwsSdk.Length..].Split(':');
            Assert.True(parts.Length == 2, $"{name}: expected aws-sdk:service:action");
            Assert.Contains($"{parts[0]}:{parts[1]}", LocalAwsWorld.Answers);
            var model = ApiModel.For(parts[0]);
            var operation = model.Operation(parts[1]);
            Assert.True(operation is not null, $"{name}: '{parts[1]}' is not a camelCase action of {parts[0]}");
            // A task whose request a function prepares (InputPath) has it checked against the model where it is made.
            Assert.True(state["Parameters"] is JsonObject || state["InputPath"] is not null, $"{name}: neither Parameters nor InputPath");
            if (state["Parameters"] is JsonObject parameters)
            {
                Assert.Empty(model.CheckInput(operation!, parameters));
            }
        }

        return sdkTasks.Count;
    }
}
