using DrillRunner.Local;

namespace DrillRunner.Cli.Tests;

public sealed class PlanApplyCommandTests : IAsyncLifetime
{
    private const string Plan = """
        { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
          "targets": [ { "id": "orders", "type": "dynamodb", "tableName": "orders-prod" } ] }
        """;

    private LocalDrillEnvironment _local = null!;

    public async Task InitializeAsync() => _local = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task Apply_StoresEachValidPlanAsTheNextVersion()
    {
        var file = CliHarness.PlanFile(Plan);

        var first = await ApplyAsync(file);
        var second = await ApplyAsync(file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("version 1", first.Out, StringComparison.Ordinal);
        Assert.Contains("version 2", second.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await _local.Services.Plans.GetLatestAsync("prod", default))!.Version);
    }

    [Fact]
    public async Task Apply_InvalidPlan_StoresNothingAndExitsTwo()
    {
        var (exitCode, _, diagnostics) = await ApplyAsync(CliHarness.PlanFile(Plan.Replace("\"drill-\"", "\"\"", StringComparison.Ordinal)));

        Assert.Equal(2, exitCode);
        Assert.Contains("$.scratchPrefix", diagnostics, StringComparison.Ordinal);
        Assert.Null(await _local.Services.Plans.GetLatestAsync("prod", default));
    }

    [Fact]
    public async Task Apply_WithoutATable_SaysHowToNameIt()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync("plan", "apply", CliHarness.PlanFile(Plan), "--endpoint", _local.StandIn.Url.ToString());

        Assert.Equal(2, exitCode);
        Assert.Contains("--table", diagnostics, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Out, string Diagnostics)> ApplyAsync(string file) =>
        CliHarness.RunAsync("plan", "apply", file, "--table", LocalDrillEnvironment.RunsTableName, "--endpoint", _local.StandIn.Url.ToString());
}
