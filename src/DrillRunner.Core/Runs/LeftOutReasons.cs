namespace DrillRunner.Core.Runs;

/// <summary>Why a rule's match is left out: the one home of these words, which run records, the CLI and reports show.</summary>
public static class LeftOutReasons
{
    /// <summary>Its name starts with the plan's scratch prefix: a drill's own restore, never a source.</summary>
    public const string Scratch = "scratch-resource";

    /// <summary>One of the runner's own tables (the runs table).</summary>
    public const string Runner = "runner-resource";

    /// <summary>Named in the plan's coverage.exclude.</summary>
    public const string CoverageExclude = "coverage-exclude";

    /// <summary>An explicit target drills the same resource with its own settings.</summary>
    public const string ExplicitTarget = "explicit-target";

    /// <summary>An earlier rule already selected it.</summary>
    public const string EarlierRule = "earlier-rule";

    /// <summary>It was deleted between the listing and the look at its tags.</summary>
    public const string Gone = "gone";
}
