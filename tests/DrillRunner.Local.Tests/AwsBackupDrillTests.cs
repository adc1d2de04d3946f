using System.Text.Json.Nodes;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;
using DrillRunner.Local.AwsWorld;

namespace DrillRunner.Local.Tests;

/// <summary>
/// The AWS Backup branch of the real ASL, executed locally: its SDK integrations answered by the
/// local AWS world (model-shaped answers), its decisions made by the real functions.
/// </summary>
public sealed class AwsBackupDrillTests(AwsBackupFixture fixture) : IClassFixture<AwsBackupFixture>
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private LocalAwsWorld Aws => fixture.Environment.Aws;

    [Fact]
    public async Task MixedPlan_OfTablesBucketAndDatabase_IsOneRunWithEveryTargetsStageTimesRpoAndVerdict()
    {
        var bucketArn = fixture.BucketWithRecoveryPoint("shop-invoices", 250, Now.AddMinutes(-50));
        var dbArn = Aws.AddSource(ScratchKinds.RdsInstance, "shop-db");
        var pointsInListingOrder = new[] { -300, -40, -200, -20, -90, -700 }; // newest is -20: on the second of three pages
        Aws.RecoveryPointPageSize = 2;
        var points = pointsInListingOrder.Select(m => Aws.AddRecoveryPoint(dbArn, Now.AddMinutes(m))).ToList();
        Aws.AddRecoveryPoint(dbArn, Now.AddMinutes(-5), status: "PARTIAL");
        var ledgerArn = $"arn:aws:dynamodb:us-east-1:000000000000:table/{AwsBackupFixture.SmallTable}";
        Aws.AddRecoveryPoint(ledgerArn, Now.AddMinutes(-30));
        try
        {
            var drilled = await fixture.DrillAsync(Plan("mixed", """
                { "id": "customers", "type": "dynamodb", "tableName": "shop-customers", "restoreFrom": "pitr", "verification": { "minItemCount": 500 } },
                { "id": "ledger", "type": "aws-backup", "resourceArn": "arn:aws:dynamodb:us-east-1:000000000000:table/ledger", "verification": { "minItemCount": 120, "maxItemCount": 120, "sentinelKeys": [{ "pk": "ENTRY#007" }] } },
                { "id": "invoices", "type": "aws-backup", "resourceArn": "arn:aws:s3:::shop-invoices", "verification": { "tolerancePercentOfSource": 0, "sentinelKeys": ["invoices/0007.pdf"] } },
                { "id": "shop-db", "type": "aws-backup", "resourceArn": "arn:aws:rds:us-east-1:000000000000:db:shop-db", "maxRecoveryPointAgeHours": 2, "restoreMetadata": { "DBInstanceClass": "db.t4g.small" } }
                """));

            Assert.Equal(Verdict.Pass, drilled.Run.Verdict);
            Assert.Equal(RunStatus.TornDown, drilled.Run.Status);
            Assert.Equal(4, drilled.Targets.Count);
            Assert.All(drilled.Targets.Values, t =>
            {
                Assert.Equal(TargetStage.Verified, t.Stage);
                Assert.NotNull(t.RecoveryPoint);
                Assert.True(t.ResolvedAt <= t.RestoreRequestedAt && t.RestoreRequestedAt <= t.RestoreCompletedAt && t.RestoreCompletedAt <= t.VerifiedAt, $"{t.TargetId}: stage times out of order");
                Assert.True(t.Scratch!.TornDown, $"{t.TargetId}: {t.Scratch.TeardownNote}");
            });
            Assert.NotNull(drilled.Run.RpoSeconds);
            Assert.NotNull(drilled.Run.RtoSeconds);

            var db = drilled.Targets["shop-db"];
            Assert.Equal(points[3].Arn, db.RecoveryPoint!.BackupArn);
            Assert.Equal(points[3].CreatedAt, db.RecoveryPoint.CreatedAt, TimeSpan.FromMilliseconds(1));
            Assert.Equal(4, db.Backup!.PagesRead);
            Assert.Equal(7, db.Backup.PointsSeen);
            Assert.Contains("PARTIAL", db.Backup.NewestSkipped);
            Assert.Equal("available", db.Resource!.Status);
            Assert.True(db.Resource.Connected);
            Assert.Equal("SUCCESSFUL", db.Backup.ValidationStatus);

            var invoices = drilled.Targets["invoices"];
            Assert.Equal(250, invoices.Bucket!.Restored.Objects);
            Assert.Equal(25_000, invoices.Bucket.Restored.Bytes);
            Assert.Equal(250, invoices.Bucket.Source!.Objects);
            Assert.Empty(invoices.Bucket.SentinelsMissing);
            Assert.Equal(120, drilled.Targets["ledger"].Verification!.ItemCount);

            // AWS Backup's own times are the stage times of a restore job.
            var job = Aws.Calls.Last(c => c.Action == "describeRestoreJob" && c.Output?["Status"]?.GetValue<string>() == "COMPLETED" && c.Output["CreatedResourceArn"]!.GetValue<string>().Contains("shop-db", StringComparison.Ordinal));
            Assert.Equal(DateTimeOffset.Parse(job.Output!["CompletionDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), db.RestoreCompletedAt);
            Assert.Equal(DateTimeOffset.Parse(job.Output["CreationDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), db.RestoreRequestedAt);
            Assert.Equal(job.Output["RecoveryPointCreationDate"]!.GetValue<string>(), LocalAwsWorld.Time(db.RecoveryPoint.CreatedAt));

            var start = Aws.Calls.Single(c => c.Action == "startRestoreJob" && c.Input["RecoveryPointArn"]!.GetValue<string>() == points[3].Arn);
            Assert.Equal($"drill-{drilled.Run.RunId}-shop-db", start.Input["Metadata"]!["DBInstanceIdentifier"]!.GetValue<string>());
            Assert.Equal("db.t4g.small", start.Input["Metadata"]!["DBInstanceClass"]!.GetValue<string>());
            Assert.Equal($"drill-{drilled.Run.RunId}-shop-db", start.Input["IdempotencyToken"]!.GetValue<string>());
            Assert.Equal(3, Aws.Validations.Count(v => v.Status == "SUCCESSFUL" && drilled.Targets.Values.Any(t => t.Backup?.RestoreJobId == v.RestoreJobId)));

            var deleted = Aws.Resources.Single(r => r.Kind == ScratchKinds.RdsInstance && !r.IsSource);
            Assert.True(deleted.Deleted);
            Assert.Equal("true", deleted.DeleteParameters["SkipFinalSnapshot"]);
            Assert.False(fixture.Environment.S3.Exists($"drill-{drilled.Run.RunId}-invoices"));
            // ListTables still lists a table while DynamoDB (dynalite too) deletes it: allow the deletions teardown asked for to finish.
            Assert.Empty(await fixture.Environment.ScratchTablesLeftAsync(AwsBackupFixture.Prefix, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
            AssertSourcesUntouched();
            Assert.Equal(250, fixture.Environment.S3.Bucket("shop-invoices").Objects.Count);
            AssertAnswersMatchTheApiModels();
        }
        finally
        {
            Aws.RecoveryPointPageSize = 100;
        }
    }

    [Fact]
    public async Task NoRecoveryPoint_FailsTheTarget_AndStartsNoRestore()
    {
        var arn = Aws.AddSource(ScratchKinds.RdsInstance, "never-backed-up");

        var drilled = await fixture.DrillAsync(Plan("no-points", """{ "id": "db", "type": "aws-backup", "resourceArn": "arn:aws:rds:us-east-1:000000000000:db:never-backed-up" }"""));

        Assert.Equal(Verdict.Fail, drilled.Run.Verdict);
        var target = drilled.Targets["db"];
        Assert.Equal("RecoveryPointNotFound", target.Failure!.Error);
        Assert.Contains($"no COMPLETED recovery point for '{arn}'", target.Failure.Reason);
        Assert.Contains("AWS Backup lists none", target.Failure.Reason);
        Assert.Null(target.Backup!.RestoreJobId);
        Assert.DoesNotContain(Aws.Calls, c => c.Action == "startRestoreJob" && c.Input["IdempotencyToken"]!.GetValue<string>().Contains(drilled.Run.RunId, StringComparison.Ordinal));
        Assert.Equal(RunStatus.TornDown, drilled.Run.Status);
        Assert.Null(target.Scratch);
    }

    [Fact]
    public async Task RecoveryPointOlderThanTheMaximumAge_FailsWithTheAge()
    {
        var arn = Aws.AddSource(ScratchKinds.EfsFileSystem, "fs-0000000000000old");
        Aws.AddRecoveryPoint(arn, Now.AddHours(-30));
        Aws.AddRecoveryPoint(arn, Now.AddHours(-50));

        var drilled = await fixture.DrillAsync(Plan("too-old", $$"""{ "id": "files", "type": "aws-backup", "resourceArn": "{{arn}}", "maxRecoveryPointAgeHours": 26 }"""));

        Assert.Equal(Verdict.Fail, drilled.Run.Verdict);
        var target = drilled.Targets["files"];
        Assert.Equal("RecoveryPointTooOld", target.Failure!.Error);
        Assert.Contains("30 h before the drill began; maxRecoveryPointAgeHours is 26", target.Failure.Reason);
        Assert.Equal(Now.AddHours(-30), target.RecoveryPoint!.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.True(drilled.Run.RpoSeconds > 29 * 3600);
        Assert.Null(target.Backup!.RestoreJobId);
        Assert.Equal(RunStatus.TornDown, drilled.Run.Status);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("ABORTED")]
    public async Task RestoreJobThatEndsBadly_FailsTheTarget_WithAwsBackupsMessage_AndReportsFailedValidation(string status)
    {
        var arn = Aws.AddSource(ScratchKinds.EbsVolume, $"vol-{status.ToLowerInvariant()}0000000000");
        Aws.AddRecoveryPoint(arn, Now.AddHours(-1));
        Aws.JobOutcomes[arn] = status;

        var drilled = await fixture.DrillAsync(Plan($"job-{status.ToLowerInvariant()}", $$"""{ "id": "volume", "type": "aws-backup", "resourceArn": "{{arn}}" }"""));

        Assert.Equal(Verdict.Fail, drilled.Run.Verdict);
        var target = drilled.Targets["volume"];
        Assert.Equal("RestoreFailed", target.Failure!.Error);
        Assert.Contains($"ended {status}", target.Failure.Reason);
        Assert.Contains(status == "ABORTED" ? "aborted" : "KMS key", target.Failure.Reason);
        var validation = Assert.Single(Aws.Validations, v => v.RestoreJobId == target.Backup!.RestoreJobId);
        Assert.Equal("FAILED", validation.Status);
        Assert.Contains(drilled.Run.RunId, validation.Message);
        Assert.Equal("FAILED", target.Backup!.ValidationStatus);
        Assert.True(target.Scratch!.TornDown, target.Scratch.TeardownNote);
        Assert.Contains("created nothing", target.Scratch.TeardownNote);
        Assert.Equal(RunStatus.TornDown, drilled.Run.Status);
        AssertAnswersMatchTheApiModels();
    }

    [Fact]
    public async Task BucketMissingASentinel_FailsVerification_ReportsFailedValidation_AndDeletesTheScratchBucket()
    {
        var arn = fixture.BucketWithRecoveryPoint("shop-exports", 40, Now.AddHours(-2));

        var drilled = await fixture.DrillAsync(Plan("bucket-bad", $$"""{ "id": "exports", "type": "aws-backup", "resourceArn": "{{arn}}", "verification": { "minObjectCount": 40, "sentinelKeys": ["invoices/0001.pdf", "reports/year-end.xlsx"] } }"""));

        Assert.Equal(Verdict.Fail, drilled.Run.Verdict);
        var target = drilled.Targets["exports"];
        Assert.Equal("VerificationFailed", target.Failure!.Error);
        Assert.Contains("1 of 2 sentinel object(s) missing: reports/year-end.xlsx", target.Failure.Reason);
        Assert.Equal(["reports/year-end.xlsx"], target.Bucket!.SentinelsMissing);
        Assert.Equal("FAILED", Assert.Single(Aws.Validations, v => v.RestoreJobId == target.Backup!.RestoreJobId).Status);
        Assert.True(target.Scratch!.TornDown, target.Scratch.TeardownNote);
        Assert.False(fixture.Environment.S3.Exists(target.Scratch.Name));
        Assert.Equal(40, fixture.Environment.S3.Bucket("shop-exports").Objects.Count);
    }

    [Fact]
    public async Task VerifierLambdaThatFails_FailsTheTarget_NamingTheVerifier_AndTheDatabaseIsStillDeleted()
    {
        var arn = Aws.AddSource(ScratchKinds.RdsInstance, "billing-db");
        Aws.AddRecoveryPoint(arn, Now.AddHours(-1));
        fixture.Environment.Functions.AddVerifier("billing-sql-check", _ => throw new InvalidOperationException("relation \"invoices\" does not exist"));

        var drilled = await fixture.DrillAsync(Plan("verifier-crash", $$"""{ "id": "billing", "type": "aws-backup", "resourceArn": "{{arn}}", "verifierFunction": "billing-sql-check" }"""));

        Assert.Equal(Verdict.Fail, drilled.Run.Verdict);
        var target = drilled.Targets["billing"];
        Assert.Equal("VerifierFailed", target.Failure!.Error);
        Assert.False(target.Failure.IsRunnerError);
        Assert.Contains("billing-sql-check", target.Failure.Reason);
        Assert.True(target.Failure.Reason.Contains("x", StringComparison.Ordinal), target.Failure.Reason);
        Assert.Contains("the verifier Lambda 'billing-sql-check' failed: InvalidOperationException: relation \"invoices\" does not exist", target.Failure.Reason);
        Assert.Equal("FAILED", Assert.Single(Aws.Validations, v => v.RestoreJobId == target.Backup!.RestoreJobId).Status);
        Assert.True(Aws.Resource(target.Scratch!.Arn!)!.Deleted);
        Assert.True(target.Scratch.TornDown);
    }

    [Fact]
    public async Task VerifierLambdaThatSaysNo_FailsVerification_WithItsMessage_AndItsAnswerIsKept()
    {
        var arn = Aws.AddSource(ScratchKinds.RdsCluster, "orders-aurora");
        Aws.AddRecoveryPoint(arn, Now.AddHours(-1));
        JsonObject? told = null;
        fixture.Environment.Functions.AddVerifier("orders-sql-check", request =>
        {
            told = request;
            return new JsonObject { ["passed"] = false, ["message"] = "orders table has 0 rows", ["details"] = new JsonObject { ["rows"] = 0 } };
        });

        var drilled = await fixture.DrillAsync(Plan("verifier-no", $$"""{ "id": "orders", "type": "aws-backup", "resourceArn": "{{arn}}", "verifierFunction": "orders-sql-check" }"""));

        var target = drilled.Targets["orders"];
        Assert.Equal("VerificationFailed", target.Failure!.Error);
        Assert.Contains("orders table has 0 rows", target.Failure.Reason);
        Assert.Equal(new VerifierAnswer("orders-sql-check", false, "orders table has 0 rows", """{"rows":0}"""), target.Verifier);
        Assert.Equal($"drill-{drilled.Run.RunId}-orders", told!["restored"]!["dbClusterIdentifier"]!.GetValue<string>());
        Assert.Equal("Aurora", told["restored"]!["resourceType"]!.GetValue<string>());
        Assert.Contains("without DB instances", target.Resource!.Note);
        Assert.Equal("FAILED", Assert.Single(Aws.Validations, v => v.RestoreJobId == target.Backup!.RestoreJobId).Status);
        Assert.True(Aws.Resource(target.Scratch!.Arn!)!.Deleted);
    }

    [Fact]
    public async Task VolumeAndFileSystem_WithAPassingVerifier_Pass_AndAreDeletedByTheirNameTags()
    {
        var volume = Aws.AddSource(ScratchKinds.EbsVolume, "vol-0123456789abcdef0");
        var files = Aws.AddSource(ScratchKinds.EfsFileSystem, "fs-0123456789abcdef0");
        Aws.AddRecoveryPoint(volume, Now.AddHours(-3));
        Aws.AddRecoveryPoint(files, Now.AddHours(-4));
        fixture.Environment.Functions.AddVerifier("mount-check", _ => new JsonObject { ["passed"] = true, ["message"] = "mounted, 12 files" });

        var drilled = await fixture.DrillAsync(Plan("volumes", $$"""
            { "id": "data-volume", "type": "aws-backup", "resourceArn": "{{volume}}", "verifierFunction": "mount-check" },
            { "id": "shared-files", "type": "aws-backup", "resourceArn": "{{files}}" }
            """));

        Assert.Equal(Verdict.Pass, drilled.Run.Verdict);
        Assert.Equal("mounted, 12 files", drilled.Targets["data-volume"].Verifier!.Message);
        foreach (var target in drilled.Targets.Values)
        {
            var restored = Aws.Resource(target.Scratch!.Arn!)!;
            Assert.Equal($"drill-{drilled.Run.RunId}-{target.TargetId}", restored.Tags["Name"]);
            Assert.Equal(drilled.Run.RunId, restored.Tags["drill:run-id"]);
            Assert.True(restored.Deleted, target.Scratch.TeardownNote);
            Assert.Equal("SUCCESSFUL", target.Backup!.ValidationStatus);
        }

        var efsStart = Aws.Calls.Last(c => c.Action == "startRestoreJob" && c.Input["ResourceType"]!.GetValue<string>() == "EFS");
        Assert.Equal("true", efsStart.Input["Metadata"]!["newFileSystem"]!.GetValue<string>());
        AssertSourcesUntouched();
        AssertAnswersMatchTheApiModels();
    }

    [Fact]
    public async Task RestoredResourceThatCouldNotBeTagged_IsNeverDeleted_AndTheRunSaysItWasLeft()
    {
        var arn = Aws.AddSource(ScratchKinds.RdsInstance, "untaggable-db");
        Aws.AddRecoveryPoint(arn, Now.AddHours(-1));
        Aws.FailTagging = true;
        try
        {
            var drilled = await fixture.DrillAsync(Plan("untagged", $$"""{ "id": "db", "type": "aws-backup", "resourceArn": "{{arn}}" }"""));

            var target = drilled.Targets["db"];
            Assert.False(target.Scratch!.Tagged);
            Assert.False(target.Scratch.TornDown);
            Assert.Contains("refused", target.Scratch.TeardownNote);
            Assert.False(Aws.Resource(target.Scratch.Arn!)!.Deleted);
            Assert.Equal(1, drilled.Execution.Output?["scratchResourcesLeft"]?.GetValue<int>());
        }
        finally
        {
            Aws.FailTagging = false;
        }
    }

    [Fact]
    public async Task Janitor_DeletesTheExpiredDatabaseAStoppedDrillLeft_AndRefusesWhatNoRunRecorded()
    {
        await fixture.Environment.ApplyPlanAsync(Plan("janitor", """{ "id": "db", "type": "aws-backup", "resourceArn": "arn:aws:rds:us-east-1:000000000000:db:crm" }"""), TimeProvider.System, CancellationToken.None);
        var begun = await fixture.Environment.Services.BeginDrill().ExecuteAsync(new Core.Drills.Contracts.BeginRequest("janitor", "test", null, null, null), CancellationToken.None);
        var expired = Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var tags = new Dictionary<string, string> { ["drill:run-id"] = begun.RunId, ["drill:expires-at"] = expired };
        var leaked = Aws.AddRestored(ScratchKinds.RdsInstance, $"drill-{begun.RunId}-db", tags);
        var record = await fixture.Environment.Services.Runs.GetTargetAsync(begun.RunId, "db", CancellationToken.None);
        await fixture.Environment.Services.Runs.SaveTargetAsync(record with { Scratch = new ScratchResource($"drill-{begun.RunId}-db", leaked, CreatedByRun: true) { Kind = ScratchKinds.RdsInstance, Tagged = true } }, CancellationToken.None);
        var unrecorded = Aws.AddRestored(ScratchKinds.EbsVolume, "vol-0000000000unknown", new Dictionary<string, string>(tags) { ["Name"] = $"drill-{begun.RunId}-volume" });
        var inUse = Aws.AddRestored(ScratchKinds.EfsFileSystem, "fs-00000000000inuse", new Dictionary<string, string>(tags) { ["drill:expires-at"] = Now.AddHours(5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) });

        var sweep = await fixture.Environment.RunJanitorAsync(AwsBackupFixture.Prefix, CancellationToken.None);

        Assert.True(sweep.Succeeded, $"{sweep.Error}: {sweep.Cause}");
        Assert.True(Aws.Resource(leaked)!.Deleted);
        Assert.Equal("true", Aws.Resource(leaked)!.DeleteParameters["SkipFinalSnapshot"]);
        Assert.False(Aws.Resource(unrecorded)!.Deleted);
        Assert.False(Aws.Resource(inUse)!.Deleted);
        var scratch = (await fixture.Environment.Services.Runs.GetTargetAsync(begun.RunId, "db", CancellationToken.None)).Scratch!;
        Assert.True(scratch.TornDown);
        Assert.Contains("janitor", scratch.TeardownNote);
        Assert.Contains("scratch-resource-refused", fixture.Environment.FunctionLog);
        Assert.Contains("vol-0000000000unknown", fixture.Environment.FunctionLog);
        AssertAnswersMatchTheApiModels();
    }

    /// <summary>Every answer the local world gave has the API model's output shape, and every call the model's input members.</summary>
    private void AssertAnswersMatchTheApiModels()
    {
        var calls = Aws.Calls.ToList();
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var model = ApiModel.For(call.Service);
            var operation = model.Operation(call.Action)!;
            Assert.Empty(model.CheckInput(operation, call.Input));
            if (call.Output is not null)
            {
                Assert.Empty(model.CheckOutput(operation, call.Output));
            }
        }
    }

    private void AssertSourcesUntouched()
    {
        Assert.All(Aws.Resources.Where(r => r.IsSource), r => Assert.False(r.Deleted, $"source {r.Arn} was deleted"));
        Assert.All(Aws.Calls.Where(c => c.Action == "startRestoreJob"), c =>
        {
            var metadata = c.Input["Metadata"]!.AsObject();
            foreach (var key in new[] { "DBInstanceIdentifier", "DBClusterIdentifier", "DestinationBucketName", "targetTableName", "CreationToken" })
            {
                if (metadata[key] is { } name)
                {
                    Assert.StartsWith(AwsBackupFixture.Prefix, name.GetValue<string>(), StringComparison.Ordinal);
                }
            }
        });
    }

    [Fact]
    public async Task ACopyInAVaultAnotherAccountShares_IsFoundByVaultAndSource_Restored_AndNamedInTheRun_WithoutReadingTheSource()
    {
        // The recovery stack's view: the bucket's original point stays in its own vault; a copy job put a copy into a
        // logically air-gapped vault of the second account, shared with this one.
        var bucketArn = fixture.BucketWithRecoveryPoint("recovered-invoices", 40, Now.AddMinutes(-70));
        var original = Aws.PointsIn(LocalVault.ArnOf(LocalAwsWorld.Region, LocalAwsWorld.Account, LocalAwsWorld.DefaultVault)).Single(p => p.ResourceArn == bucketArn);
        var vault = Aws.AddVault("air-gapped", LocalAwsWorld.SecondAccount, vaultType: LocalVault.LogicallyAirGapped, sharedWithLocalAccount: true);
        var copy = Aws.CopyRecoveryPoint(original, vault.Arn).Destination;

        var drilled = await fixture.DrillAsync(Plan("copies", $$"""
            { "id": "invoices", "type": "aws-backup", "recoveryPoint": { "vault": "{{vault.Arn}}", "copyOf": "{{bucketArn}}" }, "verification": { "minObjectCount": 40, "maxObjectCount": 40, "tolerancePercentOfSource": 0 } }
            """));

        Assert.Equal(Verdict.Pass, drilled.Run.Verdict);
        var target = drilled.Targets["invoices"];
        Assert.Equal(copy.Arn, target.RecoveryPoint!.BackupArn);
        Assert.Equal(copy.CreatedAt, target.RecoveryPoint.CreatedAt, TimeSpan.FromMilliseconds(1));
        var proven = target.Backup!.Copy!;
        Assert.Equal(("air-gapped", LocalAwsWorld.SecondAccount, LocalAwsWorld.Region, original.VaultArn), (proven.VaultName, proven.Account, proven.Region, proven.SourceBackupVaultArn));
        Assert.Equal(40, target.Bucket!.Restored.Objects);

        // Listed by vault, with the other account's id, for the listing and the restore metadata; never by resource.
        var listing = Assert.Single(Aws.Calls, c => c.Action == "listRecoveryPointsByBackupVault" && c.Input["ByResourceArn"]?.GetValue<string>() == bucketArn);
        Assert.Equal(LocalAwsWorld.SecondAccount, listing.Input["BackupVaultAccountId"]!.GetValue<string>());
        Assert.Contains(Aws.Calls, c => c.Action == "getRecoveryPointRestoreMetadata" && c.Input["RecoveryPointArn"]!.GetValue<string>() == copy.Arn && c.Input["BackupVaultAccountId"]?.GetValue<string>() == LocalAwsWorld.SecondAccount);
        Assert.DoesNotContain(Aws.Calls, c => c.Action == "listRecoveryPointsByResource" && c.Input["ResourceArn"]!.GetValue<string>() == bucketArn);

        // The source is out of reach: its count is not compared, and the runbook gap says why.
        Assert.Null(target.Bucket.Source);
        Assert.Contains("another account or region", target.RunbookGap!.Incomplete, StringComparison.Ordinal);
    }

    private static string Plan(string name, string targets) => $$"""
        {
          "name": "{{name}}",
          "objectives": { "rtoMinutes": 30, "rpoMinutes": 4320 },
          "scratchPrefix": "{{AwsBackupFixture.Prefix}}",
          "restoreTimeoutMinutes": 5,
          "targets": [ {{targets}} ]
        }
        """;
}
