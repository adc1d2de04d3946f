namespace DrillRunner.Cli.Tests;

/// <summary>A typo must stop a command, never change what it does: a release gate cannot pass by a misspelt option.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("demo --scenaro data-loss", "drill demo has no option --scenaro. Did you mean --scenario?")]
    [InlineData("report --sinse 7d --format md --local", "drill report has no option --sinse. Did you mean --since?")]
    [InlineData("run --plan prod --reason r --wiat --table t", "drill run has no option --wiat. Did you mean --wait?")]
    [InlineData("status --reqest abc --table t", "drill status has no option --reqest. Did you mean --request?")]
    [InlineData("plan validate plans/example-plan.json --tabel t", "drill plan validate has no option --tabel. Did you mean --table?")]
    [InlineData("coverage --fial-on NOT_PROTECTED --local", "drill coverage has no option --fial-on. Did you mean --fail-on?")]
    public async Task AMisspeltOption_IsAUsageErrorNamingItAndTheClosestKnownOne(string command, string expected)
    {
        var (exitCode, output, diagnostics) = await CliHarness.RunAsync(command.Split(' '));

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains(expected, diagnostics, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task AnOptionNothingResembles_ListsTheCommandsOptions()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync("history", "--zzzzzzzz", "--local");

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("drill history has no option --zzzzzzzz. Its options: ", diagnostics, StringComparison.Ordinal);
        Assert.Contains("--plan", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnquotedReason_IsRefusedWithTheQuotedFormToUse()
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync("run", "--plan", "prod", "--reason", "release", "4.2", "--wait", "--table", "t");

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains("drill run takes no argument '4.2'. Did you mean --reason \"release 4.2\"?", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("history --plan x --local extra", "drill history takes no argument 'extra'.")]
    [InlineData("plan validate a.json b.json", "'b.json' is one argument too many: drill plan validate takes FILE.")]
    [InlineData("plan nope", "drill plan has no command 'nope'. Its commands: validate, suggest, apply.")]
    [InlineData("pln validate x.json", "drill has no command 'pln'. Did you mean 'plan'?")]
    [InlineData("--json", "--json needs a command before it")]
    public async Task AStrayWord_IsAUsageErrorSayingWhatTheCommandTakes(string command, string expected)
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync(command.Split(' '));

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains(expected, diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo --scenario", "--scenario needs a value: --scenario NAME.")]
    [InlineData("history --plan --local", "--plan needs a value: --plan NAME.")]
    [InlineData("run --plan prod --reason", "--reason needs a value: --reason TEXT.")]
    [InlineData("demo --json=yes", "--json is a flag and takes no value: write --json alone.")]
    [InlineData("demo -- --json", "drill demo takes nothing after --, so --json would be ignored.")]
    [InlineData("run --plan p --reason r --table t -- --wait", "drill run takes nothing after --, so --wait would be ignored.")]
    [InlineData("demo --scenario coverage --scenario healthy", "--scenario is given twice (--scenario coverage and --scenario healthy); give it once.")]
    [InlineData("history --plan a --last abc --local", "--last takes a whole number; 'abc' is not one")]
    [InlineData("run --plan p --reason r --timeout 2h --table t", "--timeout goes with --wait")]
    [InlineData("coverage --timeout 5m --local", "--timeout goes with --now --wait")]
    [InlineData("bench --quick --full", "--quick and --full ask for opposite runs")]
    [InlineData("report --format pdf --local", "--format 'pdf' is not a format. Use one of html, md, csv, json")]
    [InlineData("run --plan p --reason r --recovery-point newest --table t", "--recovery-point 'newest' is not one of latest, random, oldest.")]
    [InlineData("local setup --scenario stack-deleted", "--scenario 'stack-deleted' is a demo of its own, not one drill of the demo plan that this command can seed: run `drill demo --scenario stack-deleted`")]
    [InlineData("demo --scenario stack-delete", "--scenario 'stack-delete' is not a scenario. Use one of: healthy,")]
    public async Task AnOptionMissingItsValue_OrAFlagGivenOne_IsAUsageError(string command, string expected)
    {
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync(command.Split(' '));

        Assert.Equal(ExitCodes.UsageOrConfiguration, exitCode);
        Assert.Contains(expected, diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("__default_command", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheToolsVersionAndCommit()
    {
        var (exitCode, output, diagnostics) = await CliHarness.RunAsync("--version");

        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+( \(commit [0-9a-f]{7}\))?$", (output + diagnostics).Trim());
    }

    [Theory]
    [InlineData("local", "seed-history")]
    [InlineData("plan", "validate")]
    public async Task ABranchAlone_PrintsItsHelp(string branch, string command)
    {
        var (exitCode, output, diagnostics) = await CliHarness.RunAsync(branch);

        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.Contains("COMMANDS:", output + diagnostics, StringComparison.Ordinal);
        Assert.Contains(command, output + diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosestName_CountsASwapOfNeighboursAsOneEdit()
    {
        Assert.Equal(1, Infrastructure.ClosestName.Distance("wiat", "wait"));
        Assert.Null(Infrastructure.ClosestName.Among("--format", ["--plan", "--json"]));
    }
}
