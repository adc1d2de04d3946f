using System.Text.RegularExpressions;
using DrillRunner.Local.Demo;

namespace DrillRunner.Cli.Tests;

/// <summary>Every command's --help, walked: options described, examples that survive a shell, exit codes listed.</summary>
public sealed partial class HelpTests
{
    public static TheoryData<string> Commands() => [.. CommandCatalog.All.Select(e => string.Join(' ', e.Path))];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryOption_HasADescription(string command)
    {
        var help = await HelpAsync(command);

        var options = OptionsSection(help);
        Assert.NotEmpty(options);
        var undescribed = options.Where(line => OptionAlone().IsMatch(line)).ToList();
        Assert.True(undescribed.Count == 0, $"drill {command} --help has options without a description:\n{string.Join('\n', undescribed)}");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ExitCodes_AreListedWithWhatEachMeans(string command)
    {
        var help = await HelpAsync(command);
        var entry = CommandCatalog.All.Single(e => string.Join(' ', e.Path) == command);

        Assert.Contains("EXIT CODES:", help, StringComparison.Ordinal);
        foreach (var exit in entry.ExitCodes)
        {
            Assert.Matches(new Regex($@"^\s+{exit.Code}\s+{Regex.Escape(exit.Meaning[..Math.Min(20, exit.Meaning.Length)])}", RegexOptions.Multiline), help);
        }

        Assert.Contains(entry.ExitCodes, e => e.Code == ExitCodes.UsageOrConfiguration);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Examples_ReadBackByAShell_AreTheCatalogsWords(string command)
    {
        var help = await HelpAsync(command);
        var entry = CommandCatalog.All.Single(e => string.Join(' ', e.Path) == command);

        var shown = ExamplesSection(help).Select(line => ShellSplit(line.Trim())).ToList();
        Assert.Equal(entry.Examples.Count, shown.Count);
        foreach (var (example, words) in entry.Examples.Zip(shown))
        {
            Assert.Equal(["drill", .. example], words);
        }
    }

    [Fact]
    public async Task EveryExample_ParsesAsTheCommandLineItShows()
    {
        // Spectre's own check: each example must parse with the command it belongs to.
        var (exitCode, _, diagnostics) = await CliHarness.RunAsync(validateExamples: true, "--help");

        Assert.True(exitCode == ExitCodes.Pass, diagnostics);
    }

    [Fact]
    public async Task TheScenarioOption_ListsEveryScenarioLocalSetupAccepts()
    {
        var help = await HelpAsync("local setup");

        Assert.Equal(string.Join(", ", DemoScenario.All.Select(s => s.Name)), DemoScenario.DrillNames.Replace(" (default)", string.Empty, StringComparison.Ordinal));
        foreach (var scenario in DemoScenario.All)
        {
            Assert.Contains(scenario.Name, help, StringComparison.Ordinal);
        }
    }

    private static async Task<string> HelpAsync(string command)
    {
        var (exitCode, output, diagnostics) = await CliHarness.RunAsync([.. command.Split(' '), "--help"]);
        Assert.True(exitCode == ExitCodes.Pass, diagnostics);
        return output + diagnostics;
    }

    private static List<string> OptionsSection(string help) => Section(help, "OPTIONS:").Where(l => l.TrimStart().StartsWith('-')).ToList();

    private static List<string> ExamplesSection(string help) => Section(help, "EXAMPLES:").Where(l => l.TrimStart().StartsWith("drill ", StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> Section(string help, string heading) =>
        help.Split('\n').SkipWhile(l => l.Trim() != heading).Skip(1).TakeWhile(l => l.Trim().Length > 0).Select(l => l.TrimEnd());

    /// <summary>Words as a POSIX shell splits them: spaces separate, single and double quotes group.</summary>
    private static List<string> ShellSplit(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\'' or '"')
            {
                var end = line.IndexOf(c, i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>An option line with nothing after the option and its value name.</summary>
    [GeneratedRegex(@"^\s*(-\w, )?\s*--[\w-]+( <[^>]+>)?\s*$")]
    private static partial Regex OptionAlone();
}
