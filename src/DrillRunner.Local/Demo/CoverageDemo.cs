using System.Text.Json.Nodes;
using DrillRunner.Core.Coverage;
using DrillRunner.Local.AwsWorld;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Demo;

/// <summary>What `drill demo --scenario coverage` saw: the judged audit, the execution, every AWS call it made, and any write to a source.</summary>
public sealed record CoverageDemoOutcome(CoverageAudit Audit, ExecutionResult Execution, IReadOnlyList<LocalAwsCall> Calls, IReadOnlyList<string> SourceWrites, TimeSpan AuditWallTime, IReadOnlyList<string> Notifications);

/// <summary>
/// `drill demo --scenario coverage`: the demo shop (drilled by its plan, last PASS two days ago) and
/// the estate around it (<see cref="CoverageEstate"/>), audited by the real coverage state machine.
/// </summary>
public static class CoverageDemo
{
    public static async Task<CoverageDemoOutcome> RunAsync(TimeProvider time, Action<string> progress, CancellationToken cancellationToken)
    {
        progress("starting dynalite, the DynamoDB stand-in, the local AWS world and the audit's function on 127.0.0.1");
        await using var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken);
        var healthy = DemoScenario.Find(DemoScenario.Healthy)!;
        await DemoSetup.PrepareAsync(environment, healthy, DemoDrill.UnusedLoopbackUrl(), time, progress, cancellationToken);
        var now = time.GetUtcNow();
        await HistorySeeder.WriteRunAsync(environment.Services.Runs, DemoPlan.Name, "demo-shop-seeded-pass", now.AddDays(-2), Core.Runs.Verdict.Pass, new Random(3), cancellationToken, new Core.Plans.Objectives(DemoPlan.RtoMinutes, DemoPlan.RpoMinutes));
        progress($"plan '{DemoPlan.Name}' last passed 2 days ago (seeded history)");
        await CoverageEstate.SeedAsync(environment, healthy, time, progress, cancellationToken);

        progress("running the coverage audit's state machine (statemachine/coverage-audit.asl.json): list, describe, judge");
        var before = environment.Aws.Calls.Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var auditId = $"coverage-demo-{time.GetUtcNow():yyyyMMdd-HHmmss}";
        var execution = await environment.RunCoverageAuditAsync(DemoPlan.ScratchPrefix, new JsonObject(), time, cancellationToken, auditId);
        clock.Stop();
        if (!execution.Succeeded)
        {
            throw new InvalidOperationException($"The coverage audit failed: {execution.Error}: {execution.Cause}");
        }

        var audit = await environment.Services.Coverage.GetAsync(auditId, cancellationToken)
            ?? throw new InvalidOperationException("The coverage audit succeeded but recorded no audit.");
        var notifications = environment.Functions.Published.Select(p => p["Subject"]?.GetValue<string>() ?? string.Empty).ToList();
        return new CoverageDemoOutcome(audit, execution, [.. environment.Aws.Calls.Skip(before)], [.. environment.SourceWrites], clock.Elapsed, notifications);
    }
}
