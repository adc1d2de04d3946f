using System.Text.Json;
using DrillRunner.Core.AwsBackup;
using DrillRunner.Core.Capacity;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Core.Drills;
using DrillRunner.Core.Errors;
using DrillRunner.Core.Kinds;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Teardown;
using DrillRunner.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.AwsBackup;

/// <summary>The AWS Backup decisions over in-memory ports: choosing, preparing, checking and tearing down, with the safety rules.</summary>
public sealed class BackupStepsTests
{
    private const string DbArn = "arn:aws:rds:eu-west-1:123456789012:db:billing";
    private const string BucketArn = "arn:aws:s3:::invoices";
    private const string VolumeArn = "arn:aws:ec2:eu-west-1:123456789012:volume/vol-source";
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryPlanStore _plans = new();

    [Fact]
    public async Task Choose_KeepsTheNewestCompletedPointOfTheVault_AcrossUnsortedPages_AndARetriedFirstPageStartsAfresh()
    {
        var runId = await BeginAsync();
        var choose = new ChooseRecoveryPoint(_runs, _clock);
        var firstPage = Page("t1", ("rp-a", -300, "COMPLETED", "prod"), ("rp-b", -10, "COMPLETED", "other"));

        var first = await choose.ExecuteAsync(new RecoveryPointPage(runId, "db", firstPage, FirstPage: true), default);
        first = await choose.ExecuteAsync(new RecoveryPointPage(runId, "db", firstPage, FirstPage: true), default);
        var last = await choose.ExecuteAsync(new RecoveryPointPage(runId, "db", Page(null, ("rp-c", -60, "COMPLETED", "prod"), ("rp-d", -5, "PARTIAL", "prod")), FirstPage: false), default);

        Assert.True(first.MorePages);
        Assert.Equal("t1", first.NextToken);
        Assert.False(last.MorePages);
        Assert.Equal("rp-c", last.RecoveryPointArn);
        Assert.Equal("prod", last.BackupVaultName);
        var record = await _runs.GetTargetAsync(runId, "db", default);
        Assert.Equal(T0.AddMinutes(-60), record.RecoveryPoint!.CreatedAt);
        Assert.Equal((4, 2), (record.Backup!.PointsSeen, record.Backup.PagesRead));
        Assert.Contains("rp-d", record.Backup.NewestSkipped, StringComparison.Ordinal);
        Assert.Null(last.NextToken);
    }

    [Fact]
    public async Task Choose_Oldest_TakesTheOldestCompletedPointOfTheVault_AcrossPages()
    {
        var runId = await BeginAsync();
        await _runs.SaveAsync((await _runs.GetAsync(runId, default)) with { PointOverride = PointSelect.Oldest }, default);
        var choose = new ChooseRecoveryPoint(_runs, _clock);

        await choose.ExecuteAsync(new RecoveryPointPage(runId, "db", Page("t1", ("rp-a", -3000, "COMPLETED", "prod"), ("rp-b", -9000, "COMPLETED", "other")), FirstPage: true), default);
        var last = await choose.ExecuteAsync(new RecoveryPointPage(runId, "db", Page(null, ("rp-c", -60, "COMPLETED", "prod"), ("rp-d", -6000, "PARTIAL", "prod")), FirstPage: false), default);

        Assert.Equal("rp-a", last.RecoveryPointArn);
        Assert.Equal(PointSelect.Oldest, (await _runs.GetTargetAsync(runId, "db", default)).RecoveryPoint!.Select);
    }

    [Fact]
    public async Task Choose_AtACommonInstant_TakesTheNewestCompletedPointAtOrBeforeIt_WhateverThePageOrder()
    {
        var runId = await BeginAsync();
        await _runs.SaveAsync((await _runs.GetAsync(runId, default)) with { Instant = new CommonInstant(T0.AddMinutes(-100), PointSelect.Latest, T0.AddDays(-1), T0.AddMinutes(-100), 0) }, default);
        var choose = new ChooseRecoveryPoint(_runs, _clock);

        await choose.ExecuteAsync(new RecoveryPointPage(runId, "db", Page("t1", ("rp-new", -5, "COMPLETED", "prod"), ("rp-old", -3000, "COMPLETED", "prod")), FirstPage: true), default);
        var last = await choose.ExecuteAsync(new RecoveryPointPage(runId, "db", Page(null, ("rp-before-t", -120, "COMPLETED", "prod")), FirstPage: false), default);

        Assert.Equal("rp-before-t", last.RecoveryPointArn);
    }

    [Fact]
    public async Task Choose_OnlyPointsOfOtherVaults_IsRecoveryPointNotFound_SayingWhy()
    {
        var runId = await BeginAsync();

        var error = await Assert.ThrowsAsync<RecoveryPointNotFound>(() => new ChooseRecoveryPoint(_runs, _clock).ExecuteAsync(
            new RecoveryPointPage(runId, "db", Page(null, ("rp-b", -10, "COMPLETED", "other")), FirstPage: true), default));

        Assert.Contains("in vault 'prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains("in vault 'other', not 'prod'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_ForcesANewScratchBucket_WhateverTheRecoveryPointsMetadataSays()
    {
        var runId = await BeginAsync();
        await ResolvedAsync(runId, "invoices");
        var metadata = JsonDocument.Parse("""{ "RestoreMetadata": { "DestinationBucketName": "invoices", "newbucket": "false", "Encrypted": "true" } }""").RootElement;

        var request = await new PrepareBackupRestore(_runs).ExecuteAsync(new AwsAnswerInput(runId, "invoices", metadata), default);

        Assert.Equal($"drill-{runId}-invoices", request.Metadata["DestinationBucketName"]);
        Assert.Equal("true", request.Metadata["NewBucket"]);
        Assert.False(request.Metadata.ContainsKey("newbucket"));
        Assert.Equal("true", request.Metadata["Encrypted"]);
        Assert.Equal("S3", request.ResourceType);
        Assert.Equal(PrepareBackupRestore.IdempotencyToken(runId, "invoices"), request.IdempotencyToken);
    }

    [Fact]
    public async Task CheckJob_RestoreThatLandedOnTheSource_FailsAndIsNeverRecordedAsTheRunsToDelete()
    {
        var runId = await BeginAsync();
        await RestoringAsync(runId, "db");

        var error = await Assert.ThrowsAsync<RestoreFailed>(() => new CheckRestoreJob(_runs, _clock).ExecuteAsync(
            new RestoreJobAnswer(runId, "db", 0, Job("COMPLETED", DbArn)), default));

        Assert.Contains("restored into the source", error.Message, StringComparison.Ordinal);
        var scratch = (await _runs.GetTargetAsync(runId, "db", default)).Scratch!;
        Assert.False(scratch.CreatedByRun);
        var teardown = await new TeardownRun(_runs, new FakeScratchTables(), _clock).ExecuteAsync(
            new TeardownInput(runId, null) { Tagged = TaggedResources.Answer((DbArn, new() { ["drill:run-id"] = runId })) }, default);
        Assert.Empty(teardown.Deletions);
    }

    [Fact]
    public async Task CheckJob_Completed_TakesAwsBackupsTimes_AndAsksToTagTheRestoredResource()
    {
        var runId = await BeginAsync();
        await RestoringAsync(runId, "db");
        var restored = $"arn:aws:rds:eu-west-1:123456789012:db:drill-{runId}-db";

        var poll = await new CheckRestoreJob(_runs, _clock).ExecuteAsync(new RestoreJobAnswer(runId, "db", 0, Job("COMPLETED", restored)), default);

        var record = await _runs.GetTargetAsync(runId, "db", default);
        Assert.Equal(T0.AddMinutes(1), record.RestoreRequestedAt);
        Assert.Equal(T0.AddMinutes(21), record.RestoreCompletedAt);
        Assert.Equal(T0.AddHours(-2), record.RecoveryPoint!.CreatedAt);
        Assert.Equal(restored, record.Scratch!.Arn);
        Assert.True(poll.Restored);
        Assert.Equal("job-1", poll.RestoreJobId);
        Assert.Equal([restored], poll.Resource!.Tagging.ResourceArnList);
        Assert.Equal(runId, poll.Resource.Tagging.Tags["drill:run-id"]);
        Assert.Equal($"drill-{runId}-db", poll.Resource.ResourceId);
        Assert.Equal(ScratchKinds.RdsInstance, poll.Resource.ScratchKind);
    }

    [Fact]
    public async Task CheckJob_StillRunning_WithNoEarlierDrill_PollsSparselyByAwsBackupsEstimate()
    {
        var runId = await BeginAsync();
        await RestoringAsync(runId, "db");
        _clock.SetUtcNow(T0.AddMinutes(2));

        var poll = await new CheckRestoreJob(_runs, _clock).ExecuteAsync(new RestoreJobAnswer(runId, "db", 0, Job("RUNNING", null, expectedMinutes: 30)), default);

        Assert.False(poll.Restored);
        Assert.Equal(1, poll.Attempt);
        // 30 minutes expected: a look every 3 minutes until 24 minutes in, then dense looks.
        Assert.Equal((int)(PollSchedule.SparseFraction * 30 * 60), poll.WaitSeconds);
        Assert.Equal(DrillRunner.Core.Runs.RestoreForecast.FromAwsBackup, (await _runs.GetTargetAsync(runId, "db", default)).Forecast!.From);
    }

    [Theory]
    [InlineData("""{ "FailedResourcesMap": {} }""", true)]
    [InlineData("""{ "FailedResourcesMap": { "arn:x": { "StatusCode": 400, "ErrorCode": "InvalidParameterException" } } }""", false)]
    [InlineData("""{ "Error": "Tagging.ThrottledException", "Cause": "Rate exceeded" }""", false)]
    public async Task CheckResource_RecordsWhetherTaggingWorked_FromTheAnswerOrTheCaughtError(string tagResult, bool tagged)
    {
        var runId = await BeginAsync();
        await RestoringAsync(runId, "invoices");
        await new CheckRestoreJob(_runs, _clock).ExecuteAsync(new RestoreJobAnswer(runId, "invoices", 0, Job("COMPLETED", $"arn:aws:s3:::drill-{runId}-invoices")), default);

        var state = await new CheckRestoredResource(_runs, new RefusingProbe(), _clock).ExecuteAsync(new RestoredResourceAnswer(runId, "invoices", JsonDocument.Parse(tagResult).RootElement, JsonDocument.Parse("{}").RootElement), default);

        Assert.True(state.Ready);
        Assert.Equal(tagged, (await _runs.GetTargetAsync(runId, "invoices", default)).Scratch!.Tagged);
        Assert.Equal($"drill-{runId}-invoices", state.RestoredIdentifiers!["bucketName"]);
    }

    [Fact]
    public async Task CheckResource_AvailableDatabaseWhoseEndpointRefusesTcp_FailsVerification()
    {
        var runId = await BeginAsync();
        await RestoringAsync(runId, "db");
        await new CheckRestoreJob(_runs, _clock).ExecuteAsync(new RestoreJobAnswer(runId, "db", 0, Job("COMPLETED", $"arn:aws:rds:eu-west-1:123456789012:db:drill-{runId}-db")), default);
        var described = JsonDocument.Parse($$"""{ "DBInstances": [ { "DBInstanceIdentifier": "drill-{{runId}}-db", "DBInstanceStatus": "available", "Endpoint": { "Address": "db.internal", "Port": 5432 } } ] }""").RootElement;

        var error = await Assert.ThrowsAsync<VerificationFailed>(() => new CheckRestoredResource(_runs, new RefusingProbe(), _clock).ExecuteAsync(
            new RestoredResourceAnswer(runId, "db", JsonDocument.Parse("""{ "FailedResourcesMap": {} }""").RootElement, described), default));

        Assert.Contains("db.internal:5432 did not accept a TCP connection: connection refused", error.Message, StringComparison.Ordinal);
        var check = (await _runs.GetTargetAsync(runId, "db", default)).Resource!;
        Assert.Equal((false, "db.internal:5432"), (check.Connected, check.Endpoint));
    }

    [Fact]
    public async Task Teardown_HandsDeletionsOnlyForTaggedScratch_ThenRecordsWhatTheStateMachineDid()
    {
        var runId = await BeginAsync();
        foreach (var (id, arn) in new[] { ("db", $"arn:aws:rds:eu-west-1:123456789012:db:drill-{runId}-db"), ("volume", "arn:aws:ec2:eu-west-1:123456789012:volume/vol-restored") })
        {
            var record = await _runs.GetTargetAsync(runId, id, default);
            var kind = id == "db" ? ScratchKinds.RdsInstance : ScratchKinds.EbsVolume;
            var name = id == "db" ? $"drill-{runId}-db" : $"drill-{runId}-volume";
            await _runs.SaveTargetAsync(record with { Scratch = new ScratchResource(name, arn, CreatedByRun: true) { Kind = kind } }, default);
        }

        var teardown = new TeardownRun(_runs, new FakeScratchTables(), _clock);
        var tagged = TaggedResources.Answer(
            ($"arn:aws:rds:eu-west-1:123456789012:db:drill-{runId}-db", new() { ["drill:run-id"] = runId }),
            ("arn:aws:ec2:eu-west-1:123456789012:volume/vol-restored", new() { ["drill:run-id"] = runId }));

        var first = await teardown.ExecuteAsync(new TeardownInput(runId, null) { Tagged = tagged }, default);

        // The volume has no Name tag saying it is scratch: refused, never handed over.
        var deletion = Assert.Single(first.Deletions);
        Assert.False(first.Done);
        Assert.Equal(("db", ScratchKinds.RdsInstance, $"drill-{runId}-db"), (deletion.TargetId, deletion.Kind, deletion.ResourceId));
        Assert.Contains("Name tag", (await _runs.GetTargetAsync(runId, "volume", default)).Scratch!.TeardownNote, StringComparison.Ordinal);

        var second = await teardown.ExecuteAsync(new TeardownInput(runId, null) { DeletionResults = [new DeletionResult("db", true, null)] }, default);

        Assert.True(second.Done);
        Assert.Equal(1, second.ScratchResourcesLeft);
        Assert.True((await _runs.GetTargetAsync(runId, "db", default)).Scratch!.TornDown);
        Assert.Equal(RunStatus.TornDown, (await _runs.GetAsync(runId, default)).Status);
    }

    [Fact]
    public async Task Teardown_BackFromAFailedDeletionStepWithoutTheOutcome_NeverHandsTheSameResourceTwice()
    {
        var (runId, teardown, first) = await RestoredDatabaseAsync();

        await teardown.ExecuteAsync(first, default);
        var again = await teardown.ExecuteAsync(first with { DeletionError = new TaskError("States.Runtime", "the deletion Map failed") }, default);

        Assert.True(again.Done);
        Assert.Empty(again.Deletions);
        Assert.Contains("did not report back", (await _runs.GetTargetAsync(runId, "db", default)).Scratch!.TeardownNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teardown_FirstCallDeliveredTwice_HandsTheSameDeletionAgain()
    {
        var (_, teardown, first) = await RestoredDatabaseAsync();

        var once = await teardown.ExecuteAsync(first, default);
        var twice = await teardown.ExecuteAsync(first, default);

        Assert.False(twice.Done);
        Assert.Equal(once.Deletions!.Select(d => d.TargetId), twice.Deletions!.Select(d => d.TargetId));
    }

    /// <summary>A run whose database target was restored and tagged: teardown's first call hands it to the state machine.</summary>
    private async Task<(string RunId, TeardownRun Teardown, TeardownInput First)> RestoredDatabaseAsync()
    {
        var runId = await BeginAsync();
        var arn = $"arn:aws:rds:eu-west-1:123456789012:db:drill-{runId}-db";
        var record = await _runs.GetTargetAsync(runId, "db", default);
        await _runs.SaveTargetAsync(record with { Scratch = new ScratchResource($"drill-{runId}-db", arn, CreatedByRun: true) { Kind = ScratchKinds.RdsInstance } }, default);
        var first = new TeardownInput(runId, null) { Tagged = TaggedResources.Answer((arn, new() { ["drill:run-id"] = runId })) };
        return (runId, new TeardownRun(_runs, new FakeScratchTables(), _clock), first);
    }

    [Fact]
    public async Task FailureOfATargetWithARestoreJob_HandsBackAFailedValidationResult()
    {
        var runId = await BeginAsync();
        await RestoringAsync(runId, "db");

        var state = await new RecordTargetFailure(_runs).ExecuteAsync(new TargetFailureInput(runId, "db", new TaskError("VerificationFailed", "{\"errorMessage\":\"0 rows\"}")), default);

        Assert.Equal("job-1", state.RestoreJobId);
        Assert.Equal("FAILED", state.ValidationStatus);
        Assert.Contains("VerificationFailed: 0 rows", state.ValidationMessage, StringComparison.Ordinal);
    }

    private async Task<string> BeginAsync()
    {
        await _plans.SaveAsync("estate", $$"""
            {
              "name": "estate", "objectives": { "rtoMinutes": 60, "rpoMinutes": 60 }, "scratchPrefix": "drill-",
              "targets": [
                { "id": "db", "type": "aws-backup", "resourceArn": "{{DbArn}}", "backupVaultName": "prod" },
                { "id": "invoices", "type": "aws-backup", "resourceArn": "{{BucketArn}}" },
                { "id": "volume", "type": "aws-backup", "resourceArn": "{{VolumeArn}}" }
              ]
            }
            """, T0, default);
        var begun = await new BeginDrill(_plans, _runs, new InMemoryDrillRequests(), new FakeRecoveryPoints(), _clock, new Random(1)).ExecuteAsync(new BeginRequest("estate", "schedule", null, null, null), default);
        Assert.True(begun.Started, begun.Message);
        Assert.Equal(["aws-backup"], begun.Targets.Select(t => t.Type).Distinct());
        Assert.Equal(DbArn, begun.Targets[0].ResourceArn);
        return begun.RunId;
    }

    private async Task ResolvedAsync(string runId, string targetId)
    {
        var record = await _runs.GetTargetAsync(runId, targetId, default);
        await _runs.SaveTargetAsync(record with { Stage = TargetStage.Resolved, RecoveryPoint = new RecoveryPoint(RecoveryPoint.AwsBackup, "rp-1", T0.AddHours(-1)) }, default);
    }

    private async Task RestoringAsync(string runId, string targetId)
    {
        await ResolvedAsync(runId, targetId);
        await new RecordRestoreJob(_runs, _clock).ExecuteAsync(new AwsAnswerInput(runId, targetId, JsonDocument.Parse("""{ "RestoreJobId": "job-1" }""").RootElement), default);
    }

    private static JsonElement Page(string? nextToken, params (string Arn, int Minutes, string Status, string Vault)[] points) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["NextToken"] = nextToken,
            ["RecoveryPoints"] = points.Select(p => new Dictionary<string, object> { ["RecoveryPointArn"] = p.Arn, ["CreationDate"] = T0.AddMinutes(p.Minutes).ToString("O"), ["Status"] = p.Status, ["BackupVaultName"] = p.Vault }).ToList(),
        });

    private static JsonElement Job(string status, string? createdArn, long? expectedMinutes = null) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["RestoreJobId"] = "job-1",
            ["Status"] = status,
            ["CreationDate"] = T0.AddMinutes(1).ToString("O"),
            ["CompletionDate"] = status == "COMPLETED" ? T0.AddMinutes(21).ToString("O") : null,
            ["CreatedResourceArn"] = createdArn,
            ["RecoveryPointCreationDate"] = T0.AddHours(-2).ToString("O"),
            ["ExpectedCompletionTimeMinutes"] = expectedMinutes,
        });

    private sealed class RefusingProbe : Ports.IEndpointProbe
    {
        public Task<string?> TryConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult<string?>("connection refused");
    }
}
