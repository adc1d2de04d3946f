using System.Text;
using DrillFunctions;
using DrillRunner.Core.Errors;

namespace DrillRunner.Local.Tests;

/// <summary>The Lambda contract: typed errors escape the handler (their type name is the error name) and every task logs a JSON line with the run id.</summary>
public sealed class HandlerContractTests
{
    [Fact]
    public async Task Handler_FailingStep_RethrowsTheTypedErrorAndLogsItWithTheRunId()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        var function = new ResolveRecoveryPointFunction(local.Services);

        await Assert.ThrowsAsync<RunNotFound>(() => function.Handle(new MemoryStream(Encoding.UTF8.GetBytes("""{ "runId": "no-such-run", "targetId": "orders" }"""))));

        Assert.Contains("\"level\":\"error\",\"task\":\"ResolveRecoveryPoint\",\"runId\":\"no-such-run\"", local.FunctionLog, StringComparison.Ordinal);
        Assert.Contains("\"errorType\":\"RunNotFound\"", local.FunctionLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_EmptyInput_FailsLoudlyInsteadOfReturningSuccess()
    {
        await using var local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => new CheckHealthFunction(local.Services).Handle(new MemoryStream(Encoding.UTF8.GetBytes("null"))));
    }
}
