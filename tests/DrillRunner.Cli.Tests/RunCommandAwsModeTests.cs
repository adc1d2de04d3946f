using DrillRunner.Core.Reporting;
using DrillRunner.Core.Runs;
using DrillRunner.Cli.Reports;
using DrillRunner.Local;
using DrillRunner.Local.Demo;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// `drill run` against a runs table reached by endpoint, as in AWS: it only writes the request item
/// and follows the run record; with no Pipe here to start the drill, --wait must time out with 3.
/// </summary>
public sealed class RunCommandAwsModeTests : IAsyncLifetime
{
    private LocalDrillEnvironment _local = null!;

    public async Task InitializeAsync()
    {
        _local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        await _local.ApplyPlanAsync(DemoPlan.Json(new Uri("http://127.0.0.1:9")), TimeProvider.System, default);
    }

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task RunWait_WritesTheRequestItemAndTimesOutWithThreeWhenNoDrillBegins()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync(
            "run", "--plan", DemoPlan.Name, "--reason", "release 4.2", "--wait", "--timeout", "2s",
            "--table", LocalDrillEnvironment.RunsTableName, "--endpoint", _local.StandIn.Url.ToString());

        Assert.Equal(3, exitCode);
        Assert.Contains("timed out", diagnostics, StringComparison.Ordinal);
        var requests = await _local.DynamoDb.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest
        {
            TableName = LocalDrillEnvironment.RunsTableName,
            FilterExpression = "#type = :request",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#type"] = "type" },
            ExpressionAttributeValues = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { [":request"] = new() { S = "drill-request" } },
        });
        var item = Assert.Single(requests.Items);
        Assert.Equal(("demo-shop", "release 4.2"), (item["planName"].S, item["reason"].S));
        Assert.StartsWith("local:", item["requestedBy"].S, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithoutWait_ReturnsAtOnceSayingHowToFollow()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync(
            "run", "--plan", DemoPlan.Name, "--reason", "nightly", "--table", LocalDrillEnvironment.RunsTableName, "--endpoint", _local.StandIn.Url.ToString());

        Assert.Equal(0, exitCode);
        Assert.Contains("drill status --request", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReport_EscapesTextFromRunRecords()
    {
        var point = new RunPoint("run-1", TimeProvider.System.GetUtcNow(), Verdict.Fail, null, null, "<script>alert('x')</script> & more");
        var report = new PlanReport("p<b>", 60, 15, 1, 0, point, null, null, true, null, null, null, [point], [], [new RunFailure("run-1", point.StartedAt, Verdict.Fail, point.Reason)], []);

        var hostile = new Core.Coverage.CoverageEntry("arn:aws:s3:::x", Core.Kinds.ScratchKinds.S3Bucket, "<img src=x onerror=alert(1)>");
        var audit = new Core.Coverage.CoverageAudit("a", "1", "r", point.StartedAt, point.StartedAt, Core.Coverage.CoverageThresholds.Default, [hostile with { Findings = Core.Coverage.JudgeCoverage.Judge(hostile, point.StartedAt, Core.Coverage.CoverageThresholds.Default) }]);

        var html = new HtmlReport().Render([report], audit, point.StartedAt.AddDays(-1), point.StartedAt);

        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.DoesNotContain("p<b>", html, StringComparison.Ordinal);
    }
}
