using DrillRunner.Cli.Infrastructure;
using DrillRunner.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace DrillRunner.Cli.Tests;

/// <summary>Commands take their store through the container (<see cref="IStoreOpener"/>), so a test can hand them one of fakes: no AWS, no local store.</summary>
public sealed class StoreInjectionTests
{
    [Fact]
    public async Task PlanApply_StoresThePlanInTheStoreTheContainerGives()
    {
        var plans = new SavedPlans();
        var opener = new FakeOpener(plans);
        var output = new TestConsole().Width(200);
        var diagnostics = new TestConsole().Width(200);

        var exitCode = await DrillApp.RunAsync(
            ["plan", "apply", CliHarness.PlanFile(PlanValidateCommandTests.Valid), "--table", "DrillRuns"],
            output,
            diagnostics,
            TimeProvider.System,
            validateExamples: false,
            CancellationToken.None,
            services => services.AddSingleton<IStoreOpener>(opener));

        Assert.True(exitCode == 0, diagnostics.Output);
        Assert.Equal(StoreAccess.Shared, opener.OpenedWith);
        Assert.Equal(("prod", 1), Assert.Single(plans.Saved));
        Assert.Contains("stored plan 'prod' as version 1 in a store of fakes", output.Output, StringComparison.Ordinal);
    }

    private sealed class FakeOpener(IPlanStore plans) : IStoreOpener
    {
        public StoreAccess? OpenedWith { get; private set; }

        public Task<DrillStore> OpenAsync(StoreSettings settings, CommandContext context, StoreAccess access, CancellationToken cancellationToken)
        {
            OpenedWith = access;

            // `plan apply` touches only the plans; the other ports would fail loudly if it reached for them.
            return Task.FromResult(new DrillStore(null!, plans, null!, null!, null, null, "a store of fakes", null!, null, null!));
        }
    }

    private sealed class SavedPlans : IPlanStore
    {
        public List<(string Name, int Version)> Saved { get; } = [];

        public Task<StoredPlan?> GetLatestAsync(string planName, CancellationToken cancellationToken) => Task.FromResult<StoredPlan?>(null);

        public Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. Saved.Select(s => s.Name)]);

        public Task<int> SaveAsync(string planName, string planJson, DateTimeOffset savedAt, CancellationToken cancellationToken)
        {
            Saved.Add((planName, Saved.Count + 1));
            return Task.FromResult(Saved.Count);
        }
    }
}
