using DrillRunner.Core.Requests;
using DrillRunner.Core.Runs;
using DrillRunner.Core.Ports;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Requests;
using DrillRunner.Aws.RunStore;

namespace DrillRunner.Local.Tests;

public sealed class ManualRequestTests
{
    [Fact]
    public async Task SecondRequestWhileADrillRuns_IsRefusedNamingTheHolder_AndARacingOneEndsRejected()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        await DemoSetup.PrepareAsync(local, DemoScenario.Find(DemoScenario.Healthy)!, DemoDrill.UnusedLoopbackUrl(), TimeProvider.System, _ => { }, default);
        local.StandIn.Faults.RestoreDuration = TimeSpan.FromSeconds(8);
        var requests = new RequestDrill(local.Services.Plans, local.Services.Runs, local.Services.Requests, new Caller(), TimeProvider.System);

        var first = (await requests.ExecuteAsync(DemoPlan.Name, "release 4.2", default)).Submitted!;
        var running = local.RunRequestedDrillAsync(first, null, default);
        var holder = await WaitForLockAsync(local.Services.Runs);
        var refused = await requests.ExecuteAsync(DemoPlan.Name, "release 4.3", default);

        var racing = new DrillRequest("racing", DemoPlan.Name, "raced past the check", "local:test", TimeProvider.System.GetUtcNow());
        await local.Services.Requests.SubmitAsync(racing, default);
        await local.RunRequestedDrillAsync(racing, null, default);
        await running;

        Assert.Equal(holder.RunId, refused.HeldBy!.RunId);
        Assert.Null(refused.Submitted);
        var rejected = await local.Services.Runs.GetAsync((await local.Services.Requests.RunIdAsync("racing", default))!, default);
        Assert.Equal(RunStatus.Rejected, rejected.Status);
        Assert.Contains(holder.RunId, rejected.VerdictReason, StringComparison.Ordinal);
        var firstRun = await local.Services.Runs.GetAsync((await local.Services.Requests.RunIdAsync(first.RequestId, default))!, default);
        Assert.Equal(("manual", "release 4.2", "local:test"), (firstRun.Trigger, firstRun.Reason, firstRun.RequestedBy));
    }

    [Fact]
    public void LocalPipe_MapsARequestItemAsTheTemplatesPipeDoes_EscapingText()
    {
        var request = new DrillRequest("r1", "prod", "release \"4.2\" \\ hotfix", "arn:aws:iam::1:user/ana", TimeProvider.System.GetUtcNow()) { RecoveryPoint = "random" };
        var pipe = LocalPipe.FromTemplate();

        var input = pipe.InputFor(LocalPipe.InsertRecord(DynamoDbDrillRequests.Item(request)))!;

        Assert.Equal("prod", input["planName"]!.GetValue<string>());
        Assert.Equal("manual", input["trigger"]!.GetValue<string>());
        Assert.Equal("release \"4.2\" \\ hotfix", input["reason"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::1:user/ana", input["requestedBy"]!.GetValue<string>());
        Assert.Equal("r1", input["requestId"]!.GetValue<string>());
        Assert.Equal("random", input["recoveryPoint"]!.GetValue<string>());
    }

    [Fact]
    public void LocalPipe_DropsItemsThatAreNotRequests()
    {
        var item = DynamoDbDrillRequests.Item(new DrillRequest("r1", "prod", "x", "y", TimeProvider.System.GetUtcNow()));
        item["type"] = new Amazon.DynamoDBv2.Model.AttributeValue { S = "run" };

        Assert.Null(LocalPipe.FromTemplate().InputFor(LocalPipe.InsertRecord(item)));
    }

    [Fact]
    public void CoveragePipe_StartsAnAuditForAnAuditRequest_AndEachPipeIgnoresTheOthersRequests()
    {
        var audit = DynamoDbCoverageRequests.Item("c1", "arn:aws:iam::1:user/ana", TimeProvider.System.GetUtcNow());
        var drill = DynamoDbDrillRequests.Item(new DrillRequest("r1", "prod", "x", "y", TimeProvider.System.GetUtcNow()));
        var coveragePipe = LocalPipe.FromTemplate(pipeName: LocalPipe.CoveragePipe);

        var input = coveragePipe.InputFor(LocalPipe.InsertRecord(audit))!;

        Assert.Equal("c1", input["requestId"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::1:user/ana", input["requestedBy"]!.GetValue<string>());
        Assert.Null(coveragePipe.InputFor(LocalPipe.InsertRecord(drill)));
        Assert.Null(LocalPipe.FromTemplate().InputFor(LocalPipe.InsertRecord(audit)));
    }

    [Fact]
    public async Task LocalStore_KeepsTablesBackupsPlansAndRunsBetweenOpenings()
    {
        var data = Path.Combine(Path.GetTempPath(), $"drill-store-{Guid.NewGuid():N}");
        try
        {
            await LocalStore.SetUpDemoAsync(data, DemoScenario.Find(DemoScenario.DataLoss)!, TimeProvider.System, "a test", _ => { }, default);

            await using (var reopened = await LocalStore.OpenAsync(data, TimeProvider.System, "a test", default))
            {
                var backups = await reopened.Environment.DynamoDb.ListBackupsAsync(new Amazon.DynamoDBv2.Model.ListBackupsRequest { TableName = DemoData.SourceTable });
                Assert.Single(backups.BackupSummaries);
                Assert.Equal(1, (await reopened.Environment.Services.Plans.GetLatestAsync(DemoPlan.Name, default))!.Version);
                Assert.DoesNotContain((await reopened.Environment.DynamoDb.ListTablesAsync()).TableNames, n => n.StartsWith("__", StringComparison.Ordinal));
            }

            Assert.Throws<InvalidOperationException>(() => LocalStore.Reset(Path.GetTempPath()));
            Assert.True(LocalStore.Reset(data));
            Assert.False(Directory.Exists(data));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<PlanLockHolder> WaitForLockAsync(IRunStore runs)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await runs.GetPlanLockAsync(DemoPlan.Name, TimeProvider.System.GetUtcNow(), default) is { } holder)
            {
                return holder;
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException("the first drill never took the plan's lock");
    }

    private sealed class Caller : ICallerIdentity
    {
        public Task<string> WhoAsync(CancellationToken cancellationToken) => Task.FromResult("local:test");
    }
}
