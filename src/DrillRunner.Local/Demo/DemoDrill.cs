using DrillRunner.Local.Hosting;
using DrillRunner.Core.Drills.Contracts;
using DrillRunner.Local.Workflow;

namespace DrillRunner.Local.Demo;

/// <summary>
/// `drill demo`: starts the local stand-in, seeds the shop's tables, sets the scenario up, runs
/// the real state machine, reads the run record, checks for leftovers, and stops everything.
/// </summary>
public static class DemoDrill
{
    /// <param name="onChange">Each change of the run record while the drill runs (stage by stage, in the drill's own words).</param>
    public static async Task<DemoOutcome> RunAsync(DemoScenario scenario, TimeProvider time, Action<string> progress, Action<Core.Requests.RunSnapshot>? onChange, CancellationToken cancellationToken)
    {
        progress("starting dynalite, the DynamoDB stand-in and the drill functions on 127.0.0.1");
        await using var environment = await LocalDrillEnvironment.StartAsync(time, cancellationToken);
        var db = environment.DynamoDb;

        await using var app = await DemoShopApp.StartAsync(db, cancellationToken);
        var appUrl = scenario.AppUp ? app.Url : UnusedLoopbackUrl();
        await DemoSetup.PrepareAsync(environment, scenario, appUrl, time, progress, cancellationToken, selectsTargets: true);

        // The demo follows the run record as `drill run --wait` does, not the state machine's internal states.
        string? begun = null;
        using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var follower = onChange is null
            ? Task.CompletedTask
            : new Core.Requests.RunFollower(environment.Services.Runs, environment.Services.Requests, time)
                .FollowAsync(_ => Task.FromResult(Volatile.Read(ref begun)), Core.Runs.DrillDeadline.DefaultTimeLimit, TimeSpan.FromMilliseconds(200), onChange, following.Token);
        var execution = await environment.RunDrillAsync(
            new BeginRequest(DemoPlan.Name, "demo", $"drill demo --scenario {scenario.Name}", Environment.UserName, null),
            e => Interlocked.CompareExchange(ref begun, e.RunId, null),
            cancellationToken);
        await following.CancelAsync();
        try
        {
            await follower;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The drill has ended; its final state is printed from the run record below.
        }

        if (execution.RunId is not { } runId)
        {
            throw new InvalidOperationException($"The drill did not begin: {execution.Error}: {execution.Cause}");
        }

        var run = await environment.Services.Runs.GetAsync(runId, cancellationToken);
        var targets = await environment.Services.Runs.GetTargetsAsync(runId, cancellationToken);
        // Deletions in progress are dynalite's, which runs on the wall's clock whatever the drill's is (a test may scale it).
        var left = await environment.ScratchLeftAsync(DemoPlan.ScratchPrefix, TimeSpan.FromSeconds(10), TimeProvider.System, cancellationToken);
        var notifications = environment.Functions.Published.Select(p => p["Subject"]?.GetValue<string>() ?? string.Empty).ToList();
        progress("stopping everything the demo started");
        return new DemoOutcome(scenario, run, targets, left, execution, notifications, environment.Functions.Invocations.ToList(), environment.FunctionLog)
        {
            SourceWrites = environment.SourceWrites.ToList(),
        };
    }

    /// <summary>A loopback address nothing listens on: the application is down.</summary>
    public static Uri UnusedLoopbackUrl() => new($"http://127.0.0.1:{LoopbackPorts.Free()}");
}
