namespace DrillRunner.Core.Plans;

/// <summary>The one home of the relations' defaults and bounds (the reader, the schema test and docs/plans.md use them).</summary>
public static class RelationDefaults
{
    /// <summary>Items of the "from" table checked when the plan gives no sampleSize.</summary>
    public const int SampleSize = 1000;

    /// <summary>The most items one reference check samples: their lookups (BatchGetItem of 100 keys, or one HeadObject each) fit well inside one Lambda task.</summary>
    public const int MaxSampleSize = 10_000;

    /// <summary>The most relations a plan declares: every one runs in the one CheckRelations invocation.</summary>
    public const int MaxRelations = 50;

    /// <summary>How many dangling values a result shows (or hashes) as examples.</summary>
    public const int Examples = 5;
}
