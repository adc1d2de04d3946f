using System.Text.RegularExpressions;
using DrillRunner.Local;
using DrillRunner.Local.Demo;
using DrillRunner.Local.Processes;
using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.Tool;

/// <summary>`drill` installed as a .NET tool works outside a clone: AWS commands fully, local mode by saying what it needs.</summary>
public sealed partial class InstalledToolTests(InstalledTool tool, ITestOutputHelper output) : IClassFixture<InstalledTool>
{
    [Fact]
    public async Task HelpVersionAndPlanValidate_RunFromOutsideTheClone()
    {
        output.WriteLine($"pack + install: {tool.PackAndInstall.TotalSeconds:0.0} s");
        var plan = Path.Combine(tool.WorkingDirectory, "example-plan.json");
        File.Copy(Path.Combine(RepoPaths.Root, "plans", "example-plan.json"), plan, overwrite: true);

        var help = await tool.RunAsync("--help");
        var version = await tool.RunAsync("--version");
        var validate = await tool.RunAsync("plan", "validate", "example-plan.json");

        Assert.True(help.ExitCode == ExitCodes.Pass, help.StdErr + help.StdOut);
        Assert.Contains("plan", help.StdOut + help.StdErr, StringComparison.Ordinal);
        Assert.StartsWith(DrillApp.Version, (version.StdOut + version.StdErr).Trim(), StringComparison.Ordinal);
        Assert.True(validate.ExitCode == ExitCodes.Pass, validate.StdErr + validate.StdOut);
        Assert.Contains("valid: plan 'prod'", validate.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsThatTalkToAws_WorkFromOutsideTheClone_AgainstARunsTable()
    {
        await using var aws = await LocalDrillEnvironment.StartAsync(TimeProvider.System, CancellationToken.None);
        File.WriteAllText(Path.Combine(tool.WorkingDirectory, "demo-plan.json"), DemoPlan.Json(new Uri("https://shop.example.com")));
        string[] table = ["--table", LocalDrillEnvironment.RunsTableName, "--endpoint", aws.StandIn.Url.ToString()];
        async Task<string> Drill(int expectedExitCode, params string[] command)
        {
            var (exitCode, stdout, stderr) = await tool.RunAsync([.. command, .. table]);
            output.WriteLine($"drill {string.Join(' ', command)}: exit {exitCode}\n{stdout}{stderr}");
            Assert.True(exitCode == expectedExitCode, $"drill {string.Join(' ', command)} exited {exitCode}: {stderr}{stdout}");
            return stdout + stderr;
        }

        await Drill(ExitCodes.Pass, "plan", "apply", "demo-plan.json");
        var requested = await Drill(ExitCodes.Pass, "run", "--plan", DemoPlan.Name, "--reason", "release 4.2");
        Assert.Contains("has not begun a run yet", await Drill(ExitCodes.NotPass, "status", "--request", RequestId().Match(requested).Groups["id"].Value), StringComparison.Ordinal);
        await Drill(ExitCodes.Pass, "history", "--plan", DemoPlan.Name);
        await Drill(ExitCodes.Pass, "report", "--plan", DemoPlan.Name, "--format", "html", "--out", "report.html");
        Assert.Contains("no coverage audit recorded", await Drill(ExitCodes.NotPass, "coverage"), StringComparison.Ordinal);
        Assert.Contains("no coverage audit recorded", await Drill(ExitCodes.NotPass, "plan", "suggest", "--from-coverage", "--out", "suggested.json"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tool.WorkingDirectory, "report.html")));
    }

    [Fact]
    public async Task LocalMode_OutsideTheCloneWithoutItsNodePackages_NamesTheNpmCommandAndExitsWithTheUsageCode()
    {
        var store = Path.Combine(tool.WorkingDirectory, "store");

        var (exitCode, stdout, stderr) = await tool.RunAsync("local", "setup", "--data", store);

        var said = stderr + stdout;
        Assert.True(exitCode == ExitCodes.UsageOrConfiguration, said);
        Assert.DoesNotContain("DrillRunner.sln", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", said, StringComparison.Ordinal);

        // Nothing that looks like a store is left, or `local setup` would refuse it once the fix is done.
        Assert.False(Directory.Exists(store), said);

        // The fix is one pasteable line (not broken at the console's width), and installs into the tool's own packed local-mode/.
        var fix = NpmFix().Match(said);
        Assert.True(fix.Success, said);
        var prefix = fix.Groups["prefix"].Value;
        Assert.StartsWith(tool.StoreFolder, prefix, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(prefix, "package-lock.json")), said);
        Assert.True(File.Exists(Path.Combine(prefix, Path.GetRelativePath(RepoPaths.Root, RepoPaths.StateMachineDefinition))), said);
    }

    [GeneratedRegex("request (?<id>[0-9a-f]{32})")]
    private static partial Regex RequestId();

    [GeneratedRegex("npm ci --omit=dev --prefix \"(?<prefix>[^\"\n]+)\"")]
    private static partial Regex NpmFix();
}
