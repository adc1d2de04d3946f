namespace DrillRunner.Cli.Tests;

public sealed class PlanValidateCommandTests
{
    /// <summary>A valid plan "prod" (also what StoreInjectionTests applies).</summary>
    internal const string Valid = """
        { "name": "prod", "objectives": { "rtoMinutes": 60, "rpoMinutes": 15 }, "scratchPrefix": "drill-",
          "targets": [ { "id": "orders", "type": "dynamodb", "tableName": "orders-prod" } ] }
        """;

    [Fact]
    public async Task Validate_ValidPlan_ExitsZeroAndSummarises()
    {
        var (exitCode, output, _) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(Valid));

        Assert.Equal(0, exitCode);
        Assert.Contains("valid: plan 'prod' with 1 target(s)", output, StringComparison.Ordinal);
        Assert.Contains("scale: 1 DynamoDB table(s) restored in 1 wave(s)", output, StringComparison.Ordinal);
        Assert.Contains("at least 20 min of the drill's 5.4 h", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_APlanRequiringSurvival_SaysWhatItsResourcesMustSurvive()
    {
        var plan = Valid.Replace("\"targets\"", "\"survival\": { \"require\": [\"stack\", \"account\"] }, \"targets\"", StringComparison.Ordinal);

        var (exitCode, output, _) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(plan));
        var (_, plain, _) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(Valid));

        Assert.Equal(0, exitCode);
        Assert.Contains("survival: the coverage audit requires each of its resources to survive stack, account;", output, StringComparison.Ordinal);
        Assert.DoesNotContain("survival:", plain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/health")]
    [InlineData("http://localhost/health")]
    [InlineData("http://[::1]/health")]
    public async Task Validate_AHealthCheckOnLoopback_IsValidButNotedAsLocalOnly(string url)
    {
        var plan = Valid.Replace("\"targets\"", $$"""
            "healthChecks": [ { "name": "app", "url": "{{url}}" } ], "targets"
            """, StringComparison.Ordinal);

        var (exitCode, output, _) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(plan));

        Assert.Equal(0, exitCode);
        Assert.Contains("note: health check 'app' probes loopback", output, StringComparison.Ordinal);
        Assert.Contains("a drill in AWS refuses it", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidPlan_ExitsTwoAndListsEveryProblemWithPathAndFix()
    {
        var broken = Valid.Replace("\"drill-\"", "\"d\"", StringComparison.Ordinal).Replace("\"tableName\"", "\"tabelName\"", StringComparison.Ordinal);

        var (exitCode, output, _) = await CliHarness.RunAsync("plan", "validate", CliHarness.PlanFile(broken));

        Assert.Equal(2, exitCode);
        Assert.Contains("$.scratchPrefix", output, StringComparison.Ordinal);
        Assert.Contains("$.targets[0].tabelName", output, StringComparison.Ordinal);
        Assert.Contains("$.targets[0].tableName is required", output.Replace(" ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("fix:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwoAndSaysWhichFile()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync("plan", "validate", "/nowhere/plan.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("/nowhere/plan.json", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var (exitCode, _, _) = await CliHarness.RunAsync("plan", "explode");

        Assert.Equal(2, exitCode);
    }
}
