using System.Text.Json.Nodes;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Tests;

/// <summary>The long-lived Node workers that run local executions: several at once, and a cancelled one stops without stopping the others.</summary>
public sealed class StateMachineWorkerTests
{
    private static readonly Uri NoEndpoint = new("http://127.0.0.1:9/");

    [Fact]
    public async Task ACancelledExecution_EndsAtOnce_AndExecutionsBesideAndAfterItStillFinish()
    {
        var waiting = Definition("""{ "StartAt": "Hold", "States": { "Hold": { "Type": "Wait", "Seconds": 3600, "End": true } } }""");
        var passing = Definition("""{ "StartAt": "Echo", "States": { "Echo": { "Type": "Pass", "Parameters": { "echoed.$": "$.value" }, "End": true } } }""");
        using var cancel = new CancellationTokenSource();
        var entered = new TaskCompletionSource();

        var held = LocalStateMachine.RunAsync(new JsonObject(), NoEndpoint, "held", e => { if (e.Type == "WaitStateEntered" || e.State == "Hold") entered.TrySetResult(); }, cancel.Token, waitMilliseconds: 3_600_000, definitionPath: waiting);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var beside = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => LocalStateMachine.RunAsync(new JsonObject { ["value"] = i }, NoEndpoint, $"beside-{i}", null, CancellationToken.None, definitionPath: passing)));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(Enumerable.Range(1, 6), beside.Select(r => r.Output!["echoed"]!.GetValue<int>()));
        Assert.All(beside, r => Assert.True(r.Succeeded));
        var after = await LocalStateMachine.RunAsync(new JsonObject { ["value"] = 7 }, NoEndpoint, "after", null, CancellationToken.None, definitionPath: passing);
        Assert.Equal(7, after.Output!["echoed"]!.GetValue<int>());
    }

    private static string Definition(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"asl-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
