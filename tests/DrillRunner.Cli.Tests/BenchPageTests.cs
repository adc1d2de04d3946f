using DrillRunner.Cli.Commands;

namespace DrillRunner.Cli.Tests;

/// <summary>`drill bench --only SECTION` rewrites its part of docs/benchmarks.md and nothing else.</summary>
public sealed class BenchPageTests
{
    private const string Page = """
        # Benchmarks: drills at scale

        ## Verification efficiency

        counts

        ## 500 targets in one drill

        drills

        ## Runner overhead on RTO

        overhead

        ## Report at scale

        report

        ## Limits that hold

        limits
        """;

    [Fact]
    public void ASectionNewToThePage_GoesBeforeTheSectionsThatFollowIt_NotAheadOfEarlierOnes()
    {
        var page = BenchCommand.ReplaceSection(Page, "instant", "\n## 200 tables restored to one instant\n\ninstant\n");

        var headings = page.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["## Verification efficiency", "## 500 targets in one drill", "## Runner overhead on RTO", "## 200 tables restored to one instant", "## Report at scale", "## Limits that hold"], headings);
    }

    [Fact]
    public void ASectionAlreadyOnThePage_IsReplaced_WhateverSizeItsHeadingNames()
    {
        var once = BenchCommand.ReplaceSection(Page, "instant", "\n## 200 tables restored to one instant\n\nfirst\n");
        var twice = BenchCommand.ReplaceSection(once, "instant", "\n## 20 tables restored to one instant\n\nsecond\n");

        Assert.DoesNotContain("first", twice, StringComparison.Ordinal);
        Assert.Single(twice.Split('\n'), l => l.Contains("restored to one instant", StringComparison.Ordinal));
        Assert.Contains("report", twice, StringComparison.Ordinal);
        Assert.Contains("overhead", twice, StringComparison.Ordinal);
    }
}
